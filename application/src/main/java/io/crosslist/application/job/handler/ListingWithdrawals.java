package io.crosslist.application.job.handler;

import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobId;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceError;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.marketplace.MarketplaceListing.ListingStatus;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Takes a sold-out product off every marketplace but the one it sold on: one DELETE job per ACTIVE listing,
 * enqueued through the normal enqueue use case (retries, cancellation, the engine's caps), keyed by the listing so
 * that no sync run, retry or second order ever enqueues a second delete for it, and the job named on the listing
 * ({@link MarketplaceListing#withdrawal()}). Runs inside the caller's transaction: the jobs are enqueued with the
 * order that sold the product out, or not at all.
 */
final class ListingWithdrawals {
  private static final Pattern KEY_PART = Pattern.compile("[\\x21-\\x7E]{1,120}");
  private final ListingRepository listings;
  private final EnqueueJobUseCase enqueue;
  private final JobJournal journal;

  ListingWithdrawals(ListingRepository listings, EnqueueJobUseCase enqueue, JobJournal journal) {
    this.listings = Objects.requireNonNull(listings, "listings");
    this.enqueue = Objects.requireNonNull(enqueue, "enqueue");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /** The idempotency key of the DELETE job that withdraws {@code listing}: one per listing, ever. */
  static String keyOf(MarketplaceListing listing) {
    String id = listing.externalId();
    String part = KEY_PART.matcher(id).matches() ? id : sha256(id);
    return "withdraw:" + listing.product().value() + ":" + listing.marketplace().name().toLowerCase(Locale.ROOT)
        + ":" + part;
  }

  /**
   * Marks the listing {@code soldOn} SOLD and enqueues the withdrawal of the product's other ACTIVE listings that
   * are not being withdrawn yet.
   *
   * @param soldOn the listing the order came through
   * @param reason why, shown on each withdrawn listing
   * @param job the sync job, named on an error logged for a listing that cannot be withdrawn
   * @return how many withdrawals this call enqueued
   */
  int withdrawOthers(TenantId tenant, MarketplaceListing soldOn, String reason, JobId job, Instant now) {
    if (soldOn.status() == ListingStatus.ACTIVE) {
      listings.save(tenant, soldOn.sold(now));
    }
    ProductId product = soldOn.product();
    int enqueued = 0;
    for (MarketplaceListing other : listings.listingsOf(tenant, product)) {
      if (other.marketplace().equals(soldOn.marketplace()) || other.status() != ListingStatus.ACTIVE
          || other.withdrawal() != null) {
        continue;
      }
      MarketplaceJob delete;
      try {
        delete = enqueue.enqueue(tenant, JobRequest.of(other.marketplace(), JobAction.DELETE, product)
            .withIdempotencyKey(keyOf(other)));
      } catch (ValidationException e) { // no DELETE handler for that marketplace here: say so, go on
        journal.recordError(tenant, new MarketplaceError(other.marketplace(), job, "WITHDRAWAL_REFUSED",
            "listing " + other.externalId() + " of product " + product + " on " + other.marketplace()
                + " stays active after the product sold out (" + reason + "): " + e.getMessage()
                + "; remove it on " + other.marketplace(), null, now));
        continue;
      }
      listings.save(tenant, other.withdrawing(delete.id(), reason, now));
      enqueued++;
    }
    return enqueued;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

}
