package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.adapter.persistence.TestDatabase;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The API through a database outage: an embedded PostgreSQL that the test stops and starts again under
 * a write load. While it is down, requests get 503 {@code database-unavailable} with {@code Retry-After}
 * (never a 500), readiness answers DOWN without waiting for the pool, the log holds one line per failed
 * request and no stack trace per request; afterwards everything acknowledged is there.
 */
class DatabaseOutageTest {
  private static final String PRODUCT = """
      {"title": "Outage %d", "price": {"amount": "10.00", "currency": "EUR"}, "brand": "nike",
       "category": "womens-shoes", "condition": "very-good", "stockQuantity": 1}""";
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @TempDir
  Path dir;

  private EmbeddedPostgres start(int port) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
        .setPort(port).start();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void an_outage_is_503_with_retry_after_readiness_says_down_and_no_acknowledged_write_is_lost() throws Exception {
    int port = freePort();
    EmbeddedPostgres pg = start(port);
    // a pool timeout far above the readiness bound, so a probe that waited for the pool would show
    PersistenceSettings settings = PersistenceSettings.forJdbcUrl(pg.getJdbcUrl("postgres", "postgres"))
        .withSecretKeyset(TestDatabase.KEYSET).withMaximumPoolSize(6).withConnectionTimeout(Duration.ofSeconds(3));
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    try (PersistenceModule persistence = new PersistenceModule(settings)) {
      Injector injector = Guice.createInjector(persistence, new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule());
      TenantId tenant = TenantId.of(7);
      injector.getInstance(TenantProvisioning.class).provision(tenant);
      try (ApiClient client = new ApiClient(injector)) {
        String auth = "Authorization: Bearer " + ApiClient.token(tenant.value());
        assertEquals(200, client.send("GET", "/health/ready", null).status());
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<ApiClient.Response> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          int writer = w;
          running.add(writers.submit(() -> {
            for (int i = 0; writing.get() && i < 5_000; i++) {
              ApiClient.Response response = client.send("POST", "/products", PRODUCT.formatted(writer * 10_000 + i),
                  auth, "Content-Type: application/json");
              if (response.status() == 201) {
                Matcher id = ID.matcher(response.body());
                assertTrue(id.find(), response.body());
                acknowledged.add(Long.parseLong(id.group(1)));
              } else {
                failures.add(response);
                Thread.sleep(20);
              }
            }
            return null;
          }));
        }
        Thread.sleep(800);
        root.addAppender(log);
        pg.close(); // the server stops under load
        Thread.sleep(300);
        long asked = System.nanoTime();
        ApiClient.Response ready = client.send("GET", "/health/ready", null);
        long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"DOWN\""), ready.body());
        // bounded, not timed: the pool would have held the probe for 3 s and more; the probe gives up at 0.8 s
        assertTrue(readyMillis < 2_900, "readiness waited " + readyMillis + " ms for the pool");
        Thread.sleep(2_000);
        pg = start(port); // back, same data
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (client.send("GET", "/health/ready", null).status() != 200 && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertEquals(200, client.send("GET", "/health/ready", null).status(), "ready again after the restart");
        int before = acknowledged.size();
        while (acknowledged.size() < before + 20 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        writing.set(false);
        for (Future<?> writer : running) {
          writer.get(2, TimeUnit.MINUTES);
        }
        writers.shutdown();
        root.detachAppender(log);

        assertTrue(acknowledged.size() > before, "writes succeed again after the restart");
        assertTrue(!failures.isEmpty(), "the outage was seen by the writers");
        for (ApiClient.Response failure : failures) {
          ApiClient.assertProblem(failure, 503, "database-unavailable");
          assertEquals("5", failure.header("Retry-After"), failure.toString());
        }
        for (long id : acknowledged) {
          assertEquals(200, client.send("GET", "/products/" + id, null, auth).status(), "acknowledged product " + id);
        }
        long unavailableLines = log.list.stream().filter(e -> e.getFormattedMessage().contains("database unavailable"))
            .count();
        long traces = log.list.stream().filter(e -> e.getThrowableProxy() != null).count();
        assertTrue(unavailableLines >= failures.size(), "one line per failed request: " + unavailableLines + " for "
            + failures.size());
        assertTrue(traces <= 5, traces + " stack traces logged for " + failures.size() + " failed requests: "
            + log.list.stream().filter(e -> e.getThrowableProxy() != null).map(ILoggingEvent::getFormattedMessage)
            .limit(5).toList());
        assertTrue(log.list.stream().noneMatch(e -> e.getFormattedMessage().contains("status=500")),
            "no request answered 500");
      }
    } finally {
      root.detachAppender(log);
      pg.close();
    }
  }
}
