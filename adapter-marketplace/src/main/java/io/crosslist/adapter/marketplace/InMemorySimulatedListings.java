package io.crosslist.adapter.marketplace;

import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link SimulatedListings} in memory: numbers start at 1 with every new store. */
final class InMemorySimulatedListings implements SimulatedListings {
  private final AtomicLong next = new AtomicLong(1);
  /** marketplace|account|key to external id. */
  private final Map<String, String> byKey = new ConcurrentHashMap<>();
  private final Map<String, Listed> listings = new ConcurrentHashMap<>();

  @Override
  public Listed createOnce(Marketplace marketplace, TenantId account, String idempotencyKey, String title, Money price,
      Instant now) {
    String id = byKey.computeIfAbsent(marketplace.name() + "|" + account.value() + "|" + idempotencyKey, k -> {
      long number = next.getAndIncrement();
      String externalId = marketplace.name().toLowerCase(Locale.ROOT) + "-" + number;
      listings.put(externalId, new Listed(marketplace, account, externalId, JdbcSimulatedListings.url(marketplace,
          externalId), number, title, price, true, now));
      return externalId;
    });
    return listings.get(id);
  }

  @Override
  public Optional<Listed> find(Marketplace marketplace, String externalId) {
    return Optional.ofNullable(listings.get(externalId)).filter(l -> l.marketplace().equals(marketplace));
  }

  @Override
  public void update(Listed listing) {
    listings.replace(listing.externalId(), listing);
  }

  @Override
  public List<Listed> listedSince(Marketplace marketplace, TenantId account, Instant since) {
    return listings.values().stream().filter(l -> l.marketplace().equals(marketplace) && l.account().equals(account)
        && !l.listedAt().isBefore(since)).toList();
  }

  @Override
  public int count(Marketplace marketplace) {
    return (int) listings.values().stream().filter(l -> l.marketplace().equals(marketplace)).count();
  }
}
