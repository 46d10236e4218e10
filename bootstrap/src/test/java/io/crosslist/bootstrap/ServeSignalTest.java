package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as operators run it: its own JVM, stopped by SIGTERM, exiting 0 after draining. */
class ServeSignalTest {

  @TempDir
  Path dir;

  @Test
  void sigterm_stops_serve_gracefully_with_exit_code_0() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process serve = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        CrosslistCommand.class.getName(), "serve", "--jdbc-url", TestDatabase.get().jdbcUrl(), "--http-port",
        String.valueOf(port), "--jwt-secret", "signal-test-secret-of-at-least-32-bytes", "--no-recurring"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try {
          HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
          if (live.statusCode() == 200) {
            break;
          }
        } catch (java.io.IOException e) {
          assertTrue(serve.isAlive() && System.nanoTime() < deadline, "serve did not start: " + Files.readString(log));
          Thread.sleep(200);
        }
      }
      serve.destroy(); // SIGTERM
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop: " + Files.readString(log));
      String output = Files.readString(log);
      assertEquals(0, serve.exitValue(), output);
      assertTrue(output.contains("SIGTERM received"), output);
      assertTrue(output.contains("stopped: 0 job(s) finished during shutdown, 0 given back"), output);
    } finally {
      serve.destroyForcibly();
    }
  }
}
