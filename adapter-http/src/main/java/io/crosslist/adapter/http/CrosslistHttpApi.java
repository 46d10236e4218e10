package io.crosslist.adapter.http;

import io.crosslist.application.port.out.Readiness;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.application.product.port.in.DeleteProductUseCase;
import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crosslist's REST API on Javalin: every tenant route needs a bearer JWT, and the tenant comes only
 * from its verified claim, so one tenant's token cannot name another tenant's data. This class only
 * assembles and runs the API: each resource has its own routes class ({@link ProductRoutes}, {@link
 * JobRoutes}, {@link ConnectionRoutes}, {@link ActivityRoutes}, {@link OrderRoutes}, {@link AdminRoutes},
 * {@link TaskRoutes}, {@link OperationRoutes}, {@link ImportRoutes}, {@link SuggestionRoutes}),
 * every request goes through the {@link RequestPipeline}, and every error is a problem of {@link Problems}
 * ({@code application/problem+json}; no stack trace or SQL text ever reaches a response).
 *
 * <pre>{@code
 * // the in-ports, from CrosslistModule + CrosslistHttpModule: injector.getInstance(CrosslistHttpApi.Ports.class)
 * CrosslistHttpApi api = new CrosslistHttpApi(HttpSettings.of(8080, secret), ports,
 *     new CrosslistHttpApi.Operations(readiness, meterRegistry, prometheus::scrape));
 * int port = api.start();
 * ...
 * api.close(); // requests in flight finish first
 * }</pre>
 */
public final class CrosslistHttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrosslistHttpApi.class);
  /** How long a tenant's status is trusted before the registry is asked again (changes made here apply at once). */
  private static final Duration TENANT_STATUS_TTL = Duration.ofSeconds(2);
  /** How long {@link #close()} waits for requests in flight. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
  private final HttpSettings settings;
  private final HttpJson json;
  private final RequestPipeline pipeline;
  private final ProductRoutes products;
  private final JobRoutes jobs;
  private final ConnectionRoutes connections;
  private final ActivityRoutes activity;
  private final OrderRoutes orders;
  private final AdminRoutes admin;
  private final TaskRoutes tasks;
  private final JobAdminRoutes jobAdmin;
  private final OperationRoutes operations;
  private final ImportRoutes imports;
  private final SuggestionRoutes suggestions;
  private volatile List<String> routes = List.of();
  private Javalin app;

  /** The in-ports the API calls. */
  public record Ports(CreateProductUseCase createProduct, GetProductUseCase getProduct,
      ListProductsUseCase listProducts, UpdateProductUseCase updateProduct,
      ChangeProductStatusUseCase changeProductStatus, DeleteProductUseCase deleteProduct, JobPorts jobs,
      ConnectionPorts connections, ActivityPorts activity, TenantPorts tenants, TaskPorts tasks, ImportPorts imports,
      SuggestionPorts suggestions) {
    public Ports {
      Objects.requireNonNull(imports, "imports");
      Objects.requireNonNull(suggestions, "suggestions");
      Objects.requireNonNull(tasks, "tasks");
      Objects.requireNonNull(createProduct, "createProduct");
      Objects.requireNonNull(getProduct, "getProduct");
      Objects.requireNonNull(listProducts, "listProducts");
      Objects.requireNonNull(updateProduct, "updateProduct");
      Objects.requireNonNull(changeProductStatus, "changeProductStatus");
      Objects.requireNonNull(deleteProduct, "deleteProduct");
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(connections, "connections");
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(tenants, "tenants");
    }
  }

  /**
   * What the operations endpoints need: {@code /health/ready} asks {@code readiness} (bounded: it answers
   * within a second whatever the database does); requests are timed in {@code registry}
   * ({@code http.server.requests} by method, route and status); {@code /metrics} answers {@code scrape}
   * (the Prometheus text, or null when metrics are not exported).
   */
  public record Operations(Readiness readiness, MeterRegistry registry, Supplier<String> scrape) {
    public Operations {
      Objects.requireNonNull(readiness, "readiness");
      Objects.requireNonNull(registry, "registry");
    }
  }

  public CrosslistHttpApi(HttpSettings settings, Ports ports, Operations operations) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(operations, "operations");
    this.json = new HttpJson(settings.maxBodyBytes());
    TenantGate gate = new TenantGate(ports.tenants().get(), ports.tenants().fleet(), TENANT_STATUS_TTL.toNanos(),
        System::nanoTime);
    this.pipeline = new RequestPipeline(new BearerTokens(settings, Clock.systemUTC()), gate, operations.registry());
    this.activity = new ActivityRoutes(json, ports.activity(), Clock.systemUTC());
    this.orders = new OrderRoutes(json, ports.activity().orders());
    this.products = new ProductRoutes(ports, json, activity);
    this.jobs = new JobRoutes(ports.jobs(), json);
    this.connections = new ConnectionRoutes(ports.connections(), json);
    this.admin = new AdminRoutes(json, ports.tenants(), gate);
    this.tasks = new TaskRoutes(json, ports.tasks());
    this.jobAdmin = new JobAdminRoutes(json, ports.jobs());
    this.operations = new OperationRoutes(operations, json);
    this.imports = new ImportRoutes(ports.imports(), json);
    this.suggestions = new SuggestionRoutes(ports.suggestions(), json);
  }

  /**
   * Starts listening; returns the port (useful with port 0).
   *
   * @throws IllegalStateException when it is already started, or the port cannot be bound (the message says which)
   */
  public synchronized int start() {
    if (app != null) {
      throw new IllegalStateException("the API was already started");
    }
    Javalin created = Javalin.create(config -> {
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      // Javalin stops Jetty abruptly; a GracefulHandler around its servlet lets requests in flight at
      // close() finish (up to DRAIN_TIMEOUT) while new connections are refused. Jetty's own error pages
      // (malformed requests, stopping) are problems too.
      config.jetty.modifyServer(server -> {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(DRAIN_TIMEOUT.toMillis());
        server.setErrorHandler(new ProblemErrorHandler());
      });
      config.requestLogger.http(pipeline::end);
      config.routes.before(pipeline::begin);
      RouteTable table = new RouteTable(config);
      operations.register(table);
      products.register(table, pipeline);
      suggestions.register(table, pipeline);
      activity.register(table, pipeline);
      orders.register(table, pipeline);
      jobs.register(table, pipeline);
      connections.register(table, pipeline);
      imports.register(table, pipeline);
      // an import's file part is spooled to disk above 1 MiB; its size is checked again while it is stored
      config.jetty.multipartConfig.maxFileSize(ImportRoutes.MAX_FILE_MIB, SizeUnit.MB);
      config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      table.before("/admin", pipeline::authenticateAdmin);
      admin.register(table);
      tasks.register(table);
      jobAdmin.register(table);
      Problems.install(config);
      routes = table.served();
    });
    try {
      created.start();
    } catch (RuntimeException e) {
      created.stop();
      throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
          + rootMessage(e), e);
    }
    app = created;
    LOG.info("HTTP API listening on {}:{}", settings.host(), app.port());
    return app.port();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The routes this API serves, as {@code "METHOD /path/{param}"}; the OpenAPI document lists the same. */
  public List<String> routes() {
    return routes;
  }

  /** The OpenAPI 3.1 document of this API (a resource of this module, checked against {@link #routes()} by a test). */
  public static byte[] openApi() {
    try (var in = CrosslistHttpApi.class.getResourceAsStream("openapi.json")) {
      return Objects.requireNonNull(in, "openapi.json").readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops listening; requests in flight finish first (up to 20 s). Idempotent. */
  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }
}
