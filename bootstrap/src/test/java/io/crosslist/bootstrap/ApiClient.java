package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.application.port.out.Readiness;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP API on loopback over a given injector, and a raw HTTP/1.1 client for tests: it sends exactly the
 * bytes a test gives (invalid methods, control characters, duplicate headers, bodies cut short), which
 * {@link java.net.http.HttpClient} refuses to send.
 */
final class ApiClient implements AutoCloseable {
  static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
  final CrosslistHttpApi api;
  final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final int port;

  /** A response as read off the wire. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  ApiClient(Injector injector) {
    this(injector, injector.getInstance(Readiness.class));
  }

  ApiClient(Injector injector, Readiness readiness) {
    api = new CrosslistHttpApi(HttpSettings.of(0, SECRET), injector.getInstance(CrosslistHttpApi.Ports.class),
        new CrosslistHttpApi.Operations(readiness, metrics, metrics::scrape));
    port = api.start();
  }

  /** An HS256 token whose claims are {@code claims} (a tenant claim as the test wants it), valid 5 minutes. */
  static String token(Map<String, Object> claims) throws Exception {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().expirationTime(Date.from(Instant.now().plus(
        Duration.ofMinutes(5))));
    claims.forEach(builder::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  static String token(long tenant) throws Exception {
    return token(Map.of("sub", Long.toString(tenant)));
  }

  static String adminToken() throws Exception {
    return token(Map.of("sub", "1", "admin", true));
  }

  /** One request with the usual framing; {@code headers} are whole lines such as {@code "Authorization: Bearer x"}. */
  Response send(String method, String target, String body, String... headers) throws IOException {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: close\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      head.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(head.toString().getBytes(StandardCharsets.UTF_8));
    request.write(bytes);
    return raw(request.toByteArray());
  }

  /** Sends {@code request} as it is, then reads the whole response (the server closes the connection). */
  Response raw(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /**
   * Sends {@code request} while reading the answer: a server may answer (413) and close before a large body
   * is all sent, which a client that writes first sees only as a broken pipe.
   */
  Response rawWhileSending(byte[] request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      Thread writer = new Thread(() -> {
        try {
          socket.getOutputStream().write(request);
          socket.getOutputStream().flush();
        } catch (IOException closedEarly) {
          // the server answered first; the answer is what the test reads
        }
      });
      writer.start();
      Response response = read(socket.getInputStream());
      writer.join(30_000);
      return response;
    }
  }

  static Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete response: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Response(status, headers, body);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
    int at = 0;
    while (at < bytes.length) {
      int lineEnd = indexOf(bytes, at);
      int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(),
          16);
      if (size == 0) {
        break;
      }
      body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  /** The response is an RFC 9457 problem of this status and type, with no stack trace or SQL in it. */
  static void assertProblem(Response response, int status, String type) {
    assertEquals(status, response.status(), response.body());
    assertProblemBody(response);
    assertTrue(response.body().contains("\"type\":\"https://crosslist.io/problems/" + type + "\""), response.body());
  }

  /** Whatever the status, the body is a problem, without stack trace or SQL. */
  static void assertProblemBody(Response response) {
    assertEquals("application/problem+json", String.valueOf(response.header("Content-Type")).split(";")[0],
        response.status() + " " + response.body());
    assertTrue(response.body().startsWith("{\"type\":\"https://crosslist.io/problems/"), response.body());
    String lower = response.body().toLowerCase(Locale.ROOT);
    assertFalse(response.body().contains("Exception") || response.body().contains("\tat ")
        || lower.contains("select ") || lower.contains("insert into") || lower.contains("sqlstate"),
        "no stack trace or SQL: " + response.body());
  }

  @Override
  public void close() {
    api.close();
  }
}
