package io.crosslist.benchmarks;

import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.tenant.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link PoolerBenchmark}'s HTTP measure: the API on an ephemeral port, and its load (GET /products/{id}, tenants at
 * random, each with its token).
 */
final class HttpLoad implements AutoCloseable {
  private final CrosslistHttpApi api;
  private final HttpClient client;
  private final int port;
  private final Map<Long, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

  HttpLoad(CrosslistHttpApi api, int threads) {
    this.api = api;
    this.port = api.start();
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
          Thread thread = new Thread(r, "bench-http-client");
          thread.setDaemon(true); // the JVM exits when the run is over
          return thread;
        })).build();
  }

  double load(List<List<ProductId>> ids, int threads, Duration duration) throws InterruptedException {
    return Load.run(threads, duration, () -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int t = random.nextInt(ids.size());
      List<ProductId> tenantIds = ids.get(t);
      String token = tokens.computeIfAbsent(t + 1L, id -> {
        try {
          return HttpBenchmark.token(TenantId.of(id));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products/"
          + tenantIds.get(random.nextInt(tenantIds.size())).value())).header("Authorization", "Bearer " + token)
          .GET().build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET answered " + response.statusCode() + ": " + new String(response.body()));
      }
    });
  }

  @Override
  public void close() {
    api.close();
  }
}
