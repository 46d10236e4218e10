package io.crosslist.adapter.marketplace;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link SimulatedMarketplaceGateway} keeps its listings: what a real marketplace keeps on its side. {@link
 * #inMemory()} lives as long as the process (tests, benchmarks); {@link JdbcSimulatedListings} keeps them in the
 * database's {@code crosslist_simulation} schema, so a restarted process neither hands out an id again nor forgets
 * an idempotency key.
 */
public interface SimulatedListings {

  /**
   * A listing as the simulated marketplace holds it.
   *
   * @param number the sequence number in its id ({@code vinted-42}), unique across marketplaces and restarts
   */
  record Listed(Marketplace marketplace, TenantId account, String externalId, String url, long number, String title,
      Money price, boolean active, Instant listedAt) {}

  /**
   * The listing created for {@code (marketplace, account, idempotencyKey)}: the one stored before, or a new one with
   * the next number, stored once however many callers ask at once.
   */
  Listed createOnce(Marketplace marketplace, TenantId account, String idempotencyKey, String title, Money price,
      Instant now);

  Optional<Listed> find(Marketplace marketplace, String externalId);

  /** Stores a changed title, price or active flag of a listing that exists. */
  void update(Listed listing);

  /** The account's listings on {@code marketplace} listed at or after {@code since}. */
  List<Listed> listedSince(Marketplace marketplace, TenantId account, Instant since);

  /** Listings created on {@code marketplace}, every account. */
  int count(Marketplace marketplace);

  /** A store that lives as long as this object (each gateway its own when none is shared). */
  static SimulatedListings inMemory() {
    return new InMemorySimulatedListings();
  }
}
