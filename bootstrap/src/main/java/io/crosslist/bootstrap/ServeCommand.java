package io.crosslist.bootstrap;

import com.google.inject.Injector;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.domain.ValidationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code crosslist serve}: the HTTP API, the job workers and the recurring tasks in one process, until
 * SIGTERM. The API binds its port first, so that a port in use ends the command before any job or task starts;
 * at the stop, in-flight requests drain first, then running jobs get the shutdown timeout.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves the REST API and runs the job workers and recurring tasks until stopped.")
final class ServeCommand extends WorkerCommand {

  @Option(names = "--http-host", defaultValue = "127.0.0.1",
      description = "address to listen on (default: $CROSSLIST_HTTP_HOST, else 127.0.0.1)")
  String httpHost;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "port to listen on, 0 for any free one (default: $CROSSLIST_HTTP_PORT, else 8080)")
  int httpPort;

  @Option(names = "--jwt-secret",
      description = "HS256 secret that signs bearer tokens, at least 32 bytes (default: $CROSSLIST_JWT_SECRET; required"
          + " unless --jwt-keys is given)")
  String jwtSecret;

  @Option(names = "--jwt-keys", paramLabel = "FILE", description = "RS256 public keys that verify bearer tokens: a"
      + " JWKS file (JSON) or a PEM public key (default: $CROSSLIST_JWT_KEYS); with it, --jwt-secret is optional")
  Path jwtKeys;

  @Option(names = "--tenant-claim", defaultValue = "sub",
      description = "claim of a verified token that names the tenant (default: sub)")
  String tenantClaim;

  @Option(names = "--no-workers", description = "serve the API without job workers in this process, for deployments"
      + " that run them with 'crosslist worker' (the recurring tasks still run here unless --no-recurring)")
  boolean noWorkers;

  private HttpSettings http;

  @Override
  void validate() {
    String keys = null;
    if (jwtKeys != null) {
      try {
        keys = Files.readString(jwtKeys);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), ConfigDefaults.describe("--jwt-keys") + ": cannot read "
            + jwtKeys + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    try {
      http = new HttpSettings(httpHost, httpPort, jwtSecret, keys, tenantClaim, "admin",
          HttpSettings.DEFAULT_MAX_BODY_BYTES);
    } catch (ValidationException e) {
      Map<String, String> options = Map.of("host", "--http-host", "port", "--http-port", "jwtSecret", "--jwt-secret",
          "jwtKeys", "--jwt-keys", "tenantClaim", "--tenant-claim");
      String message = e.violations().stream()
          .map(v -> ConfigDefaults.describe(options.getOrDefault(v.field(), v.field())) + ": " + v.rule())
          .collect(Collectors.joining("; "));
      throw new ParameterException(spec.commandLine(), message);
    }
    requirePortFree();
  }

  /**
   * Fails before the database is opened when the port is taken, which is the common case of a port in use (the
   * API's own bind, later, can still lose a race and fails the same way).
   */
  private void requirePortFree() {
    if (http.port() == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // as Jetty binds: a port whose old connections linger in TIME_WAIT is free
      socket.bind(new InetSocketAddress(http.host(), http.port()));
    } catch (IOException e) {
      throw cannotListen(e);
    }
  }

  /** The one-line error for an address the API cannot listen on, naming the option and the port. */
  private IllegalArgumentException cannotListen(Exception cause) {
    boolean inUse = false;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      inUse |= t instanceof BindException || t.getClass().getSimpleName().equals("JavalinBindException");
    }
    return new IllegalArgumentException(ConfigDefaults.describe("--http-port") + ": cannot listen on " + http.host()
        + ":" + http.port() + (inUse ? ": the port is in use by another process"
            : " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")"));
  }

  @Override
  boolean runsWorkers() {
    return !noWorkers;
  }

  @Override
  MeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** Binds the API's port; the workers and recurring tasks start only once it listens. */
  @Override
  AutoCloseable startFront(Injector injector, Database db, MeterRegistry registry, PrintWriter out) {
    CrosslistHttpApi api = new CrosslistHttpApi(http, injector.getInstance(CrosslistHttpApi.Ports.class),
        new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class), registry,
            ((PrometheusMeterRegistry) registry)::scrape));
    int port;
    try {
      port = api.start();
    } catch (RuntimeException e) {
      api.close();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IOException || t.getClass().getSimpleName().equals("JavalinBindException")) {
          throw cannotListen(e); // the port was taken since validate() found it free
        }
      }
      throw e;
    }
    out.printf("serving the API on http://%s:%d%n", http.host(), port);
    return api;
  }
}
