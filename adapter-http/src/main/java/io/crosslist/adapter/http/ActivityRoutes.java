package io.crosslist.adapter.http;

import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.marketplace.MarketplaceException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.ValidationException;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.adapter.http.ProductJson.PriceBody;
import io.crosslist.application.connection.port.in.ListConversationsUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.StorableTime;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.job.ErrorLogEntry;
import io.crosslist.domain.job.ErrorLogSearch;
import io.crosslist.domain.job.JobStatistics;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.ProductId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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
  static final String INSTANT_RULE = "must be an ISO-8601 instant (2026-12-01T09:30:00Z) or date (2026-12-01)"
      + " between 0001-01-01 and 9999-12-31";
  private static final String DATE_RULE = "must be an ISO-8601 date such as 2026-12-01, between 0001-01-01 and"
      + " 9999-12-31";
  private final HttpJson json;
  private final ActivityPorts ports;
  private final Clock clock;

  ActivityRoutes(HttpJson json, ActivityPorts ports, Clock clock) {
    this.json = json;
    this.ports = ports;
    this.clock = clock;
  }

  /** The tenant-wide activity routes ({@link ProductRoutes} serves a product's listings through {@link #listings}). */
  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/conversations", pipeline::authenticate);
    routes.before("/error-log", pipeline::authenticate);
    routes.before("/statistics", pipeline::authenticate);
    routes.add(HandlerType.GET, "/conversations", this::conversations);
    routes.add(HandlerType.POST, "/conversations/sync", this::syncConversations);
    routes.add(HandlerType.GET, "/error-log", this::errorLog);
    routes.add(HandlerType.GET, "/statistics", this::statistics);
  }

  record ListingView(String marketplace, String externalId, String url, String status, PriceBody listedPrice,
      Instant publishedAt, Instant soldAt, Instant removedAt, Instant updatedAt, WithdrawalView withdrawal) {
    static ListingView of(MarketplaceListing l) {
      return new ListingView(l.marketplace().name(), l.externalId(), l.url(), l.status().name(),
          l.listedPrice() == null ? null : PriceBody.of(l.listedPrice()), l.publishedAt(), l.soldAt(), l.removedAt(),
          l.updatedAt(), l.withdrawal() == null ? null : new WithdrawalView(l.withdrawal().job().value(),
              l.withdrawal().reason(), l.withdrawal().requestedAt()));
    }
  }

  /** The DELETE job taking a listing down because its product sold out elsewhere. */
  record WithdrawalView(long jobId, String reason, Instant requestedAt) {}

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
    json.respond(ctx, ports.listings().listings(RequestPipeline.tenant(ctx), product).stream()
        .map(ListingView::of).toList());
  }

  /** The body of POST /conversations/sync, optional: without a marketplace, every connected one is synced. */
  record SyncBody(String marketplace) {}

  /** What the sync of one marketplace did, or why it failed. */
  record SyncView(String marketplace, Integer threads, Integer newMessages, String failure) {
    static SyncView of(Marketplace marketplace, SyncConversationsUseCase.SyncOutcome outcome) {
      return outcome.summary() == null ? new SyncView(marketplace.name(), null, null, outcome.failure())
          : new SyncView(marketplace.name(), outcome.summary().threads(), outcome.summary().newMessages(), null);
    }
  }

  /**
   * Syncs the tenant's conversations now: the named marketplace, or every marketplace with a conversation gateway on
   * which the tenant has a connected account. A marketplace whose call fails is reported with its failure.
   */
  void syncConversations(Context ctx) throws IOException {
    TenantId tenant = RequestPipeline.tenant(ctx);
    SyncBody body = ctx.body().isBlank() ? new SyncBody(null) : json.read(ctx, SyncBody.class);
    SyncConversationsUseCase sync = ports.syncConversations();
    Map<Marketplace, SyncConversationsUseCase.SyncOutcome> outcomes = new LinkedHashMap<>();
    if (body.marketplace() != null) {
      Marketplace marketplace = JobJson.marketplace(body.marketplace());
      if (!sync.marketplaces().contains(marketplace)) {
        throw ValidationException.of("marketplace", "has no conversation gateway here; those with one: "
            + sync.marketplaces());
      }
      try {
        outcomes.put(marketplace, new SyncConversationsUseCase.SyncOutcome(sync.syncNew(tenant, marketplace), null));
      } catch (MarketplaceException e) {
        outcomes.put(marketplace, new SyncConversationsUseCase.SyncOutcome(null, e.getMessage()));
      }
    } else {
      outcomes.putAll(sync.syncConnected(tenant));
    }
    json.respond(ctx, Map.of("items", outcomes.entrySet().stream().map(e -> SyncView.of(e.getKey(), e.getValue()))
        .toList()));
  }

  void conversations(Context ctx) throws IOException {
    int limit = Requests.limit(ctx, ListConversationsUseCase.DEFAULT_LIMIT);
    json.respond(ctx, ports.conversations().threads(RequestPipeline.tenant(ctx), limit).stream()
        .map(ConversationView::of).toList());
  }

  void errorLog(Context ctx) throws IOException {
    ErrorLogSearch search = new ErrorLogSearch(
        Requests.query(ctx, "from", ActivityRoutes::instant, INSTANT_RULE),
        Requests.query(ctx, "to", ActivityRoutes::instant, INSTANT_RULE),
        Requests.query(ctx, "marketplace", v -> JobJson.marketplace(v)),
        Requests.query(ctx, "cursor", PageCursor::decode),
        Requests.limit(ctx, ErrorLogSearch.DEFAULT_LIMIT));
    Page<ErrorLogEntry> page = ports.errorLog().search(RequestPipeline.tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(ErrorView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    json.respond(ctx, body);
  }

  void statistics(Context ctx) throws IOException {
    LocalDate to = Objects.requireNonNullElse(Requests.query(ctx, "to", ActivityRoutes::date, DATE_RULE),
        LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    LocalDate from = Requests.query(ctx, "from", ActivityRoutes::date, DATE_RULE);
    if (from == null) { // the week up to "to"; a "to" in the first week of year 1 has no such week, so starts it
      from = to.isBefore(StorableTime.MIN_DATE.plusDays(DEFAULT_STATISTICS_DAYS)) ? StorableTime.MIN_DATE
          : to.minusDays(DEFAULT_STATISTICS_DAYS - 1);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("items", ports.statistics().statistics(RequestPipeline.tenant(ctx), from, to).stream()
        .map(StatisticsView::of).toList());
    json.respond(ctx, body);
  }

  /** An instant, or a date meaning its start (UTC), within {@link StorableTime}. */
  static Instant instant(String value) {
    Instant instant;
    try {
      instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant or date", e);
    }
    if (instant.isBefore(StorableTime.MIN) || !instant.isBefore(StorableTime.END)) {
      throw new IllegalArgumentException("outside the storable range");
    }
    return instant;
  }

  /** A date within {@link StorableTime}. */
  private static LocalDate date(String value) {
    LocalDate date = LocalDate.parse(value);
    if (date.isBefore(StorableTime.MIN_DATE) || date.isAfter(StorableTime.MAX_DATE)) {
      throw new IllegalArgumentException("outside the storable range");
    }
    return date;
  }
}
