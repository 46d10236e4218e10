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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code crosslist serve}: the HTTP API, the job workers and the recurring tasks in one process, until
 * SIGTERM (in-flight requests drain first, then running jobs get the shutdown timeout).
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
  }

  @Override
  MeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  @Override
  AutoCloseable startAlongside(Injector injector, Database db, MeterRegistry registry, PrintWriter out) {
    CrosslistHttpApi api = new CrosslistHttpApi(http, injector.getInstance(CrosslistHttpApi.Ports.class),
        new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class), registry,
            ((PrometheusMeterRegistry) registry)::scrape));
    int port = api.start();
    out.printf("serving the API on http://%s:%d%n", http.host(), port);
    return api;
  }
}
