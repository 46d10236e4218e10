package io.crosslist.adapter.http;

import io.crosslist.adapter.http.ProductJson.PriceBody;
import io.crosslist.application.connection.port.in.ListConversationsUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.job.ErrorLogEntry;
import io.crosslist.domain.job.ErrorLogSearch;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductId;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The read-only activity routes of a tenant: a product's listings, the conversations, the marketplace
 * error log and the job statistics. Times are UTC; a range parameter takes an ISO-8601 instant
 * ({@code 2026-12-01T09:30:00Z}) or a date ({@code 2026-12-01}, meaning its start).
 */
final class ActivityRoutes {
  /** The statistics range when the request names none: the last seven days, today included. */
  private static final int DEFAULT_STATISTICS_DAYS = 7;
  private static final String INSTANT_RULE = "must be an ISO-8601 instant (2026-12-01T09:30:00Z) or date (2026-12-01)";
  private static final String DATE_RULE = "must be an ISO-8601 date such as 2026-12-01";
  private final CrosslistHttpApi api;
  private final ActivityPorts ports;
  private final Clock clock;

  ActivityRoutes(CrosslistHttpApi api, ActivityPorts ports, Clock clock) {
    this.api = api;
    this.ports = ports;
    this.clock = clock;
  }

  record ListingView(String marketplace, String externalId, String url, String status, PriceBody listedPrice,
      Instant publishedAt, Instant soldAt, Instant removedAt, Instant updatedAt) {
    static ListingView of(MarketplaceListing l) {
      return new ListingView(l.marketplace().name(), l.externalId(), l.url(), l.status().name(),
          l.listedPrice() == null ? null : PriceBody.of(l.listedPrice()), l.publishedAt(), l.soldAt(), l.removedAt(),
          l.updatedAt());
    }
  }

  record ConversationView(String marketplace, String externalId, String buyerName, String listingExternalId,
      int unreadCount, Instant lastMessageAt) {
    static ConversationView of(ConversationThread t) {
      return new ConversationView(t.marketplace().name(), t.externalId(), t.buyerName(), t.listingExternalId(),
          t.unreadCount(), t.lastMessageAt());
    }
  }

  record ErrorView(long id, String marketplace, Long jobId, String errorType, String message, String details,
      Instant occurredAt) {
    static ErrorView of(ErrorLogEntry entry) {
      var e = entry.error();
      return new ErrorView(entry.id(), e.marketplace().name(), e.job() == null ? null : e.job().value(), e.errorType(),
          e.message(), e.details(), e.occurredAt());
    }
  }

  record StatisticsView(LocalDate day, String marketplace, String action, long succeeded, long failed,
      long totalDurationMillis) {
    static StatisticsView of(JobStatistics s) {
      return new StatisticsView(s.day(), s.marketplace().name(), s.action().name(), s.succeeded(), s.failed(),
          s.totalDurationMillis());
    }
  }

  void listings(Context ctx, ProductId product) throws IOException {
    api.respond(ctx, ports.listings().listings(CrosslistHttpApi.tenant(ctx), product).stream()
        .map(ListingView::of).toList());
  }

  void conversations(Context ctx) throws IOException {
    int limit = Objects.requireNonNullElse(CrosslistHttpApi.query(ctx, "limit", Integer::valueOf),
        ListConversationsUseCase.DEFAULT_LIMIT);
    api.respond(ctx, ports.conversations().threads(CrosslistHttpApi.tenant(ctx), limit).stream()
        .map(ConversationView::of).toList());
  }

  void errorLog(Context ctx) throws IOException {
    ErrorLogSearch search = new ErrorLogSearch(
        CrosslistHttpApi.query(ctx, "from", ActivityRoutes::instant, INSTANT_RULE),
        CrosslistHttpApi.query(ctx, "to", ActivityRoutes::instant, INSTANT_RULE),
        CrosslistHttpApi.query(ctx, "marketplace", v -> JobJson.parse(Marketplace.class, "marketplace", v)),
        CrosslistHttpApi.query(ctx, "cursor", PageCursor::decode),
        Objects.requireNonNullElse(CrosslistHttpApi.query(ctx, "limit", Integer::valueOf),
            ErrorLogSearch.DEFAULT_LIMIT));
    Page<ErrorLogEntry> page = ports.errorLog().search(CrosslistHttpApi.tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(ErrorView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    api.respond(ctx, body);
  }

  void statistics(Context ctx) throws IOException {
    LocalDate to = Objects.requireNonNullElse(CrosslistHttpApi.query(ctx, "to", LocalDate::parse, DATE_RULE),
        LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    LocalDate from = Objects.requireNonNullElse(CrosslistHttpApi.query(ctx, "from", LocalDate::parse, DATE_RULE),
        to.minusDays(DEFAULT_STATISTICS_DAYS - 1));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("items", ports.statistics().statistics(CrosslistHttpApi.tenant(ctx), from, to).stream()
        .map(StatisticsView::of).toList());
    api.respond(ctx, body);
  }

  /** An instant, or a date meaning its start (UTC). */
  private static Instant instant(String value) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant or date", e);
    }
  }
}
