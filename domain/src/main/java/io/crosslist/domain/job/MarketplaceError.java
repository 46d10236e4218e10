package io.crosslist.domain.job;

import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tenant's marketplace error log: a job attempt that failed, kept so that a user (or
 * support) can see what a marketplace answered.
 *
 * @param job the job whose attempt failed, or null for an error outside a job
 * @param errorType for jobs RETRYABLE, PERMANENT, EXHAUSTED (last attempt failed) or LEASE_LOST; for connections
 *     TOKEN_REFRESH_REFUSED or SESSION_EXPIRED
 * @param details more text (e.g. the exception's class), or null
 */
public record MarketplaceError(Marketplace marketplace, JobId job, String errorType, String message, String details,
    Instant occurredAt) {

  public MarketplaceError {
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(occurredAt, "occurredAt");
    message = message == null || message.isBlank() ? "unknown error" : cut(message, MarketplaceJob.MAX_ERROR);
    details = details == null ? null : cut(details, 4_000);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
