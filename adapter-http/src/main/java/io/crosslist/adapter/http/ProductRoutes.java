package io.crosslist.adapter.http;

import static io.crosslist.adapter.http.RequestPipeline.tenant;

import io.crosslist.adapter.http.ProductJson.ProductBody;
import io.crosslist.adapter.http.ProductJson.ProductView;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase.ChangeProductStatusCommand;
import io.crosslist.application.product.port.in.CreateProductUseCase.CreateProductCommand;
import io.crosslist.application.product.port.in.UpdateProductUseCase.UpdateProductCommand;
import io.crosslist.domain.CanonicalId;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** {@code /products...}: a tenant's products (create, read, update with {@code If-Match}, status, delete, list). */
final class ProductRoutes {
  private final CrosslistHttpApi.Ports ports;
  private final HttpJson json;
  private final ActivityRoutes activity;

  ProductRoutes(CrosslistHttpApi.Ports ports, HttpJson json, ActivityRoutes activity) {
    this.ports = ports;
    this.json = json;
    this.activity = activity;
  }

  void register(RouteTable routes, RequestPipeline pipeline) {
    routes.before("/products", pipeline::authenticate);
    routes.add(HandlerType.POST, "/products", this::create);
    routes.add(HandlerType.GET, "/products", this::list);
    routes.add(HandlerType.GET, "/products/{id}", this::get);
    routes.add(HandlerType.PUT, "/products/{id}", this::update);
    routes.add(HandlerType.POST, "/products/{id}/status", this::changeStatus);
    routes.add(HandlerType.DELETE, "/products/{id}", this::delete);
    routes.add(HandlerType.GET, "/products/{id}/listings", ctx -> activity.listings(ctx, productId(ctx)));
  }

  static ProductId productId(Context ctx) {
    return ProductId.of(Requests.pathId(ctx));
  }

  private void create(Context ctx) throws IOException {
    ProductBody body = json.read(ctx, ProductBody.class);
    Product created = ports.createProduct().create(new CreateProductCommand(tenant(ctx), body.toDetails()));
    ctx.status(201).header("Location", "/products/" + created.id().value());
    json.respond(ctx, ProductView.of(created));
  }

  private void get(Context ctx) throws IOException {
    Product product = ports.getProduct().get(tenant(ctx), productId(ctx));
    ctx.header("ETag", "\"" + product.version() + "\"");
    json.respond(ctx, ProductView.of(product));
  }

  private void list(Context ctx) throws IOException {
    ProductSearch search = new ProductSearch(
        Requests.query(ctx, "status", v -> ProductStatus.valueOf(v.toUpperCase(Locale.ROOT)),
            "must be one of " + Arrays.toString(ProductStatus.values())),
        ctx.queryParam("brand"), ctx.queryParam("category"), ctx.queryParam("q"),
        Requests.query(ctx, "minPrice", BigDecimal::new, "must be a decimal number such as 12.50"),
        Requests.query(ctx, "maxPrice", BigDecimal::new, "must be a decimal number such as 12.50"),
        Requests.query(ctx, "cursor", PageCursor::decode),
        Requests.limit(ctx, ProductSearch.DEFAULT_LIMIT));
    Page<Product> page = ports.listProducts().list(tenant(ctx), search);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(ProductView::of).toList());
    body.put("nextCursor", page.nextCursor().map(PageCursor::encode).orElse(null));
    json.respond(ctx, body);
  }

  /** PUT with {@code If-Match: <version>} (the product's {@code version}, also sent as its ETag). */
  private void update(Context ctx) throws IOException {
    ProductId id = productId(ctx);
    long version = expectedVersion(ctx).orElseThrow(() -> new HttpProblem(428, "version-required",
        "Version required", "send If-Match with the version you read (the ETag of GET /products/{id})"));
    ProductBody body = json.read(ctx, ProductBody.class);
    json.respond(ctx, ProductView.of(ports.updateProduct().update(new UpdateProductCommand(tenant(ctx), id, version,
        body.toDetails()))));
  }

  /** The body of POST /products/{id}/status. */
  record StatusBody(@Required String status) {}

  private void changeStatus(Context ctx) throws IOException {
    ProductId id = productId(ctx);
    StatusBody body = json.read(ctx, StatusBody.class);
    ProductStatus target;
    try {
      target = ProductStatus.valueOf(String.valueOf(body.status()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("status", "must be one of " + Arrays.toString(ProductStatus.values()));
    }
    json.respond(ctx, ProductView.of(ports.changeProductStatus().changeStatus(new ChangeProductStatusCommand(
        tenant(ctx), id, target, expectedVersion(ctx)))));
  }

  private void delete(Context ctx) {
    ports.deleteProduct().delete(tenant(ctx), productId(ctx));
    ctx.status(204);
  }

  /** {@code If-Match}: a version as the ETag gives it ({@code "3"}), or bare ({@code 3}). */
  private static OptionalLong expectedVersion(Context ctx) {
    String match = ctx.header("If-Match");
    if (match == null || match.isBlank()) {
      return OptionalLong.empty();
    }
    String version = match.strip();
    if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
      version = version.substring(1, version.length() - 1);
    }
    if (version.equals("0")) {
      return OptionalLong.of(0);
    }
    OptionalLong parsed = CanonicalId.parse(version);
    if (parsed.isEmpty()) {
      throw ValidationException.of("If-Match", "must be a product version such as \"3\"");
    }
    return parsed;
  }
}
