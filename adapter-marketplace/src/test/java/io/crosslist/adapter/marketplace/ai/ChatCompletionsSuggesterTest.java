package io.crosslist.adapter.marketplace.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.marketplace.ai.ChatCompletionsStub.Reply;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import io.crosslist.domain.suggestion.SuggestionField;
import io.crosslist.domain.suggestion.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat-completions suggester against a local stub server speaking the protocol. */
class ChatCompletionsSuggesterTest {
  private static final String KEY = "sk-test-0123456789-very-secret";
  private static final String GOOD = "{\"title\":\"Nike Air Max 90 white EU 38\",\"description\":\"Worn twice.\","
      + "\"attributes\":{\"colour\":\"white\"}}";
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (logged) {
        logged.add(new java.util.logging.SimpleFormatter().formatMessage(record) + " " + record.getMessage());
      }
    }

    @Override public void flush() {}

    @Override public void close() {}
  };
  private ChatCompletionsStub stub;

  @BeforeEach
  void start() throws Exception {
    stub = new ChatCompletionsStub();
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger("").setLevel(Level.ALL);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
    stub.close();
    synchronized (logged) {
      assertTrue(logged.stream().noneMatch(line -> line.contains(KEY)), "the API key was logged: " + logged);
    }
  }

  private AiSettings settings() {
    return AiSettings.of(stub.baseUrl(), "stub-model", Secret.of("apiKey", KEY))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  private ChatCompletionsSuggester suggester(AiSettings settings) {
    return new ChatCompletionsSuggester(settings, waits::add);
  }

  private static ListingSuggester.Request request() {
    ProductDetails details = new ProductDetails("Nike Air Max 90", "Worn twice.", Money.of("59.90", "EUR"), "nike",
        "womens-shoes", "very-good", "eu-38", null, 1, List.of());
    Product product = Product.reconstitute(ProductId.of(7), details, ProductStatus.DRAFT, Instant.EPOCH, Instant.EPOCH,
        3);
    return new ListingSuggester.Request(product, Marketplace.EBAY, Marketplace.EBAY.limits(), SuggestionField.all());
  }

  private static void assertKeyNowhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(KEY), "the key in a message: " + t.getMessage());
      assertFalse(t.toString().contains(KEY));
    }
  }

  @Test
  void a_well_formed_answer_becomes_a_suggestion_with_the_models_name_and_token_usage() {
    stub.then(Reply.ok(ChatCompletionsStub.answer(GOOD)));
    SuggestedListing s = suggester(settings()).suggest(request());
    assertEquals("Nike Air Max 90 white EU 38", s.title());
    assertEquals("Worn twice.", s.description());
    assertEquals(Map.of("colour", "white"), s.attributes());
    assertEquals("stub-model-1", s.source(), "the model the service says answered");
    assertEquals(new TokenUsage(120, 45), s.usage());

    ChatCompletionsStub.Received sent = stub.received.get(0);
    assertEquals("POST", sent.method());
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("Bearer " + KEY, sent.authorization());
    assertTrue(sent.body().contains("\"model\":\"stub-model\""), sent.body());
    assertTrue(sent.body().contains("\\\"limits\\\":{\\\"title\\\":80"), "the marketplace's limit is asked: "
        + sent.body());
    assertTrue(sent.body().contains("\"response_format\":{\"type\":\"json_object\"}"), sent.body());
    assertEquals(List.of(), waits);
  }

  @Test
  void a_local_server_without_a_key_gets_no_authorization_header() {
    stub.then(Reply.ok(ChatCompletionsStub.answer(GOOD)));
    AiSettings s = settings();
    new ChatCompletionsSuggester(new AiSettings(s.baseUrl(), s.model(), null, s.connectTimeout(), s.requestTimeout(),
        1, Duration.ZERO, Duration.ZERO), waits::add).suggest(request());
    assertNull(stub.received.get(0).authorization());
  }

  @Test
  void a_429_is_retried_after_its_retry_after_and_then_succeeds() {
    stub.then(new Reply(429, Map.of("Retry-After", "1"), "{\"error\":\"rate limited\"}", 0))
        .then(Reply.ok(ChatCompletionsStub.answer(GOOD)));
    SuggestedListing s = suggester(settings()).suggest(request());
    assertEquals("Nike Air Max 90 white EU 38", s.title());
    assertEquals(2, stub.received.size());
    assertEquals(List.of(Duration.ofSeconds(1)), waits, "the Retry-After, not the backoff");
  }

  @Test
  void server_errors_are_retried_with_a_doubling_backoff_and_then_fail_retryable() {
    stub.then(Reply.status(500, "oops")).then(Reply.status(502, "")).then(Reply.status(503, "busy"));
    SuggestionFailedException e = assertThrows(SuggestionFailedException.class,
        () -> suggester(settings()).suggest(request()));
    assertTrue(e.retryable());
    assertEquals("stub-model at 127.0.0.1: HTTP 503: busy (after 3 attempts)", e.getMessage());
    assertEquals(3, stub.received.size());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
    assertKeyNowhere(e);
  }

  @Test
  void an_answer_that_does_not_come_in_time_is_retried_then_a_retryable_failure() {
    stub.then(new Reply(200, Map.of(), ChatCompletionsStub.answer(GOOD), 3_000))
        .then(new Reply(200, Map.of(), ChatCompletionsStub.answer(GOOD), 3_000));
    AiSettings quick = settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10));
    SuggestionFailedException e = assertThrows(SuggestionFailedException.class,
        () -> suggester(quick).suggest(request()));
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("no answer within PT0.3S (after 2 attempts)"), e.getMessage());
    assertKeyNowhere(e);
  }

  @Test
  void malformed_answers_are_errors_at_once_never_retried() {
    List<String> bodies = List.of("not json at all", "{\"choices\":[]}", "{\"object\":\"chat.completion\"}",
        "{\"choices\":[{\"message\":{\"role\":\"assistant\"}}]}",
        ChatCompletionsStub.answer("Here is your listing: Nike shoes"),
        ChatCompletionsStub.answer("[\"a list\"]"),
        ChatCompletionsStub.answer("{\"title\":42}"),
        ChatCompletionsStub.answer("{\"title\":\"ok\",\"price\":\"12\"}"),
        ChatCompletionsStub.answer("{\"attributes\":{\"brand\":\"Nike Inc.\"}}"),
        ChatCompletionsStub.answer("{\"title\":\"ok\"} trailing"),
        ChatCompletionsStub.answer("{\"title\":\"a\",\"title\":\"b\"}"));
    List<String> messages = new ArrayList<>();
    for (String body : bodies) {
      stub.received.clear();
      stub.then(Reply.ok(body));
      SuggestionFailedException e = assertThrows(SuggestionFailedException.class,
          () -> suggester(settings()).suggest(request()), body);
      assertFalse(e.retryable(), body);
      assertTrue(e.getMessage().startsWith("malformed answer: "), e.getMessage());
      assertEquals(1, stub.received.size(), "not retried: " + body);
      messages.add(e.getMessage());
    }
    assertEquals("malformed answer: the answer has no choices", messages.get(1));
    assertEquals("malformed answer: the model's content has the key 'price'; only title, description and attributes"
        + " are allowed", messages.get(7));
    assertTrue(messages.get(8).contains("attributes.brand: must be a reference code"), messages.get(8));
    assertEquals(List.of(), waits);
  }

  @Test
  void a_refused_key_fails_at_once_and_neither_the_message_nor_the_log_holds_it() {
    stub.then(Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
    ChatCompletionsSuggester suggester = suggester(settings());
    SuggestionFailedException e = assertThrows(SuggestionFailedException.class, () -> suggester.suggest(request()));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("HTTP 401 (the API key was not accepted)"), e.getMessage());
    assertTrue(e.getMessage().contains("Incorrect API key provided: [redacted]"), e.getMessage());
    assertKeyNowhere(e);
    assertFalse(suggester.toString().contains(KEY), suggester.toString());
    assertFalse(settings().toString().contains(KEY), settings().toString());
    assertTrue(settings().toString().contains("apiKey=[redacted]"), settings().toString());

    stub.then(Reply.status(500, "echo " + KEY)).then(Reply.status(500, "echo " + KEY))
        .then(Reply.status(500, "echo " + KEY));
    SuggestionFailedException exhausted = assertThrows(SuggestionFailedException.class,
        () -> suggester.suggest(request()));
    assertKeyNowhere(exhausted);
    synchronized (logged) {
      assertTrue(logged.stream().anyMatch(l -> l.contains("attempt 2 of 3")), "retries are logged: " + logged);
    }
  }

  @Test
  void settings_are_validated_with_each_field_named() {
    var e = assertThrows(io.crosslist.domain.ValidationException.class, () -> new AiSettings(
        java.net.URI.create("ftp://x"), " ", null, Duration.ZERO, Duration.ofHours(1), 0, Duration.ofSeconds(2),
        Duration.ofSeconds(1)));
    assertEquals(List.of("baseUrl", "model", "connectTimeout", "requestTimeout", "maxAttempts", "maxBackoff"),
        e.violations().stream().map(v -> v.field()).toList());
  }
}
