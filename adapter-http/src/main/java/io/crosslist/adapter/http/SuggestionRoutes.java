package io.crosslist.adapter.http;

import static io.crosslist.adapter.http.RequestPipeline.tenant;

import io.crosslist.adapter.http.JobJson.JobView;
import io.crosslist.adapter.http.ProductJson.ProductView;
import io.crosslist.application.suggestion.port.in.SuggestListingUseCase.SuggestListingCommand;
import io.crosslist.application.suggestion.port.in.SuggestListingsUseCase.SuggestListingsCommand;
import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.SuggestionId;
import io.crosslist.domain.suggestion.SuggestionStatus;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /products/{id}/suggestions...}: a product's listing suggestions (ask now, list, apply, discard);
 * {@code /suggestions/jobs}: suggestions for many products as a background job, followed through {@code /jobs}.
 */
final class SuggestionRoutes {
  private final SuggestionPorts ports;
  private final HttpJson json;

  SuggestionRoutes(SuggestionPorts ports, HttpJson json) {
    this.ports = ports;
    this.json = json;
  }

  /** The body of POST /products/{id}/suggestions. */
  record SuggestBody(@Required List<String> marketplaces, List<String> fields) {}

  /** The body of POST /suggestions/jobs: the products by id, or by status. */
  record SuggestionJobBody(@Required String marketplace, List<Long> productIds, String status, List<String> fields) {}

  /** Tokens a suggestion cost. */
  record TokenUsageView(int prompt, int completion) {}

  /** A suggestion as the API shows it. */
  record SuggestionView(long id, long productId, String marketplace, String title, String description,
      Map<String, String> attributes, String source, TokenUsageView tokenUsage, String status, long productVersion,
      Long jobId, Instant createdAt, Instant decidedAt) {
    static SuggestionView of(ListingSuggestion s) {
      return new SuggestionView(s.id().value(), s.product().value(), s.marketplace().name(), s.content().title(),
          s.content().description(), s.content().attributes(), s.content().source(), new TokenUsageView(
              s.content().usage().prompt(), s.content().usage().completion()), s.status().name(), s.productVersion(),
          s.job() == null ? null : s.job().value(), s.createdAt(), s.decidedAt());
    }
  }

  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/suggestions", pipeline::authenticate); // /products is authenticated by ProductRoutes
    routes.add(HandlerType.POST, "/products/{id}/suggestions", this::suggest);
    routes.add(HandlerType.GET, "/products/{id}/suggestions", this::list);
    routes.add(HandlerType.POST, "/products/{id}/suggestions/{suggestionId}/apply", this::apply);
    routes.add(HandlerType.POST, "/products/{id}/suggestions/{suggestionId}/discard", ctx -> json.respond(ctx,
        SuggestionView.of(ports.discard().discard(tenant(ctx), ProductRoutes.productId(ctx), suggestionId(ctx)))));
    routes.add(HandlerType.POST, "/suggestions/jobs", this::startJob);
  }

  private static SuggestionId suggestionId(Context ctx) {
    return SuggestionId.of(CanonicalId.parse(ctx.pathParam("suggestionId")).orElseThrow(() -> new HttpProblem(400,
        "invalid-parameter", "Invalid parameter", "the path parameter suggestionId is not an id",
        List.of(new HttpProblem.FieldError("suggestionId", CanonicalId.RULE)))));
  }

  private void suggest(Context ctx) throws IOException {
    ProductId product = ProductRoutes.productId(ctx);
    SuggestBody body = json.read(ctx, SuggestBody.class);
    Violations v = new Violations();
    List<Marketplace> marketplaces = new ArrayList<>();
    List<String> names = body.marketplaces() == null ? List.of() : body.marketplaces();
    for (int i = 0; i < names.size(); i++) {
      try {
        marketplaces.add(JobJson.marketplace(names.get(i)));
      } catch (ValidationException e) {
        v.require(false, "marketplaces[" + i + "]", e.violations().get(0).rule());
      }
    }
    v.throwIfAny();
    List<ListingSuggestion> made = ports.suggest().suggest(new SuggestListingCommand(tenant(ctx), product,
        marketplaces, SuggestionField.parse("fields", body.fields())));
    ctx.status(201);
    json.respond(ctx, made.stream().map(SuggestionView::of).toList());
  }

  private void list(Context ctx) throws IOException {
    SuggestionStatus status = Requests.query(ctx, "status", v -> SuggestionStatus.valueOf(v.toUpperCase(Locale.ROOT)),
        "must be one of " + Arrays.toString(SuggestionStatus.values()));
    json.respond(ctx, ports.list().list(tenant(ctx), ProductRoutes.productId(ctx), status).stream()
        .map(SuggestionView::of).toList());
  }

  private void apply(Context ctx) throws IOException {
    Product product = ports.apply().apply(tenant(ctx), ProductRoutes.productId(ctx), suggestionId(ctx));
    ctx.header("ETag", "\"" + product.version() + "\"");
    json.respond(ctx, ProductView.of(product));
  }

  private void startJob(Context ctx) throws IOException {
    SuggestionJobBody body = json.read(ctx, SuggestionJobBody.class);
    Marketplace marketplace = JobJson.marketplace(body.marketplace());
    List<ProductId> products = null;
    if (body.productIds() != null) {
      products = new ArrayList<>();
      Violations v = new Violations();
      for (int i = 0; i < body.productIds().size(); i++) {
        Long id = body.productIds().get(i);
        v.require(id != null && id > 0, "productIds[" + i + "]", "must be a positive id");
        if (id != null && id > 0) {
          products.add(ProductId.of(id));
        }
      }
      v.throwIfAny();
    }
    ProductStatus status = null;
    if (body.status() != null) {
      try {
        status = ProductStatus.valueOf(body.status().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("status", "must be one of " + Arrays.toString(ProductStatus.values()));
      }
    }
    MarketplaceJob job = ports.suggestMany().start(new SuggestListingsCommand(tenant(ctx), marketplace, products,
        status, SuggestionField.parse("fields", body.fields())));
    ctx.status(201).header("Location", "/jobs/" + job.id().value());
    json.respond(ctx, JobView.of(job));
  }
}
