package io.crosslist.adapter.marketplace.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local server speaking the chat-completions protocol, on the JDK's HttpServer: it answers the queued replies in
 * order (then 500s) and records every request it got.
 */
final class ChatCompletionsStub implements AutoCloseable {
  /** One reply: a status, headers, a body, and how long to think first. */
  record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    static Reply ok(String body) {
      return new Reply(200, Map.of(), body, 0);
    }

    static Reply status(int status, String body) {
      return new Reply(status, Map.of(), body, 0);
    }
  }

  /** One request as the stub received it. */
  record Received(String method, String path, String authorization, String body) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  ChatCompletionsStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL a suggester is configured with. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  ChatCompletionsStub then(Reply reply) {
    replies.add(reply);
    return this;
  }

  /** A well-formed answer whose message content is {@code content} (a JSON text, quoted here). */
  static String answer(String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"stub-model-1\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":45,\"total_tokens\":165}}";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Authorization"), body));
    Reply reply = replies.poll();
    if (reply == null) {
      reply = Reply.status(500, "{\"error\":\"no reply queued\"}");
    }
    try {
      Thread.sleep(reply.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException clientGone) {
      // the client timed out and left; nothing to answer
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
