package io.crosslist.adapter.persistence.internal.job;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Instant;

/** A row of {@code marketplace_error_log}. */
public final class ErrorLogRow {
  public long id;
  public String marketplace;
  public Long jobId;
  public String errorType;
  public String message;
  public String details;
  public Instant occurredAt;

  static ErrorLogRow of(MarketplaceError error) {
    ErrorLogRow row = new ErrorLogRow();
    row.marketplace = error.marketplace().name();
    row.jobId = error.job() == null ? null : error.job().value();
    row.errorType = error.errorType();
    row.message = error.message();
    row.details = error.details();
    row.occurredAt = error.occurredAt();
    return row;
  }

  MarketplaceError toError() {
    return new MarketplaceError(Marketplace.of(marketplace), jobId == null ? null : JobId.of(jobId), errorType,
        message, details, occurredAt);
  }
}
