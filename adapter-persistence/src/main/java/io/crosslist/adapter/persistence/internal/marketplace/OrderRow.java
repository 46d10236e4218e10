package io.crosslist.adapter.persistence.internal.marketplace;

import io.crosslist.domain.job.JobId;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.OrderStatus;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.ProductId;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code marketplace_orders}. */
public final class OrderRow {
  public long id;
  public String marketplace;
  public String externalId;
  public String listingExternalId;
  public Long productId;
  public int quantity;
  public BigDecimal total;
  public String currency;
  public Instant orderedAt;
  public String status;
  public Long jobId;
  public Instant receivedAt;
  public Instant settledAt;

  RecordedOrder toOrder() {
    return new RecordedOrder(id, Marketplace.of(marketplace), externalId, listingExternalId,
        productId == null ? null : ProductId.of(productId), quantity, new Money(total, currency.trim()), orderedAt,
        OrderStatus.valueOf(status), jobId == null ? null : JobId.of(jobId), receivedAt, settledAt);
  }
}
