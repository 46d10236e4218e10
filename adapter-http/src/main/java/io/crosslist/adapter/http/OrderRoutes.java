package io.crosslist.adapter.http;

import io.crosslist.adapter.http.ProductJson.PriceBody;
import io.crosslist.application.connection.port.in.ListOrdersUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.marketplace.OrderSearch;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.product.ProductId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /orders}: the orders the tenant's orders syncs recorded, newest first, in keyset pages, filtered by
 * marketplace, product, order time ({@code since}, {@code until}) and {@code oversold}. An oversold order arrived
 * after its product sold out on another marketplace: the reseller cancels it there.
 */
final class OrderRoutes {
  private static final String BOOLEAN_RULE = "must be true or false";
  private final HttpJson json;
  private final ListOrdersUseCase orders;

  OrderRoutes(HttpJson json, ListOrdersUseCase orders) {
    this.json = json;
    this.orders = orders;
  }

  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/orders", pipeline::authenticate);
    routes.add(HandlerType.GET, "/orders", this::list);
  }

  record OrderView(long id, String marketplace, String externalId, String listingExternalId, Long productId,
      int quantity, PriceBody total, Instant orderedAt, String status, boolean oversold, Long jobId,
      Instant receivedAt, Instant settledAt) {
    static OrderView of(RecordedOrder o) {
      return new OrderView(o.id(), o.marketplace().name(), o.externalId(), o.listingExternalId(),
          o.product() == null ? null : o.product().value(), o.quantity(), PriceBody.of(o.total()), o.orderedAt(),
          o.status().name(), o.oversold(), o.job() == null ? null : o.job().value(), o.receivedAt(), o.settledAt());
    }
  }

  private void list(Context ctx) throws IOException {
    Long product = Requests.queryId(ctx, "product");
    OrderSearch search = new OrderSearch(
        Requests.query(ctx, "marketplace", v -> JobJson.marketplace(v)),
        product == null ? null : ProductId.of(product),
        Requests.query(ctx, "since", ActivityRoutes::instant, ActivityRoutes.INSTANT_RULE),
        Requests.query(ctx, "until", ActivityRoutes::instant, ActivityRoutes.INSTANT_RULE),
        Requests.query(ctx, "oversold", OrderRoutes::bool, BOOLEAN_RULE),
        Requests.query(ctx, "cursor", PageCursor::decode),
        Requests.limit(ctx, OrderSearch.DEFAULT_LIMIT));
    Page<RecordedOrder> page = orders.orders(RequestPipeline.tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(OrderView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    json.respond(ctx, body);
  }

  private static Boolean bool(String value) {
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(BOOLEAN_RULE);
    };
  }
}
