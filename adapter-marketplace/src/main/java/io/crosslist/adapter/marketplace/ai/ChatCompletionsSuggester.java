package io.crosslist.adapter.marketplace.ai;

import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.SuggestedListing;
import io.crosslist.domain.suggestion.SuggestionFailedException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ListingSuggester} over the OpenAI-compatible chat-completions protocol ({@code POST
 * <baseUrl>/chat/completions}), which hosted services and local servers (llama.cpp, Ollama, vLLM, LM Studio) speak.
 * Each attempt is bounded by the request timeout; 429 (waiting its {@code Retry-After}), 5xx, timeouts and
 * connection failures are retried with a doubling backoff, and when the attempts are used up the failure is
 * retryable; any other 4xx, and an answer that is not the JSON asked for, fail at once, not retryable. The API key
 * goes only into the {@code Authorization} header: no log line, exception message or {@code toString} holds it.
 */
public final class ChatCompletionsSuggester implements ListingSuggester {
  private static final Logger LOG = System.getLogger(ChatCompletionsSuggester.class.getName());
  private static final int MAX_DETAIL = 200;
  private final AiSettings settings;
  private final HttpClient http;
  private final Sleeper sleeper;

  /** Waits between attempts (tests pass one that records the waits). */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public ChatCompletionsSuggester(AiSettings settings) {
    this(settings, d -> Thread.sleep(d.toMillis()));
  }

  ChatCompletionsSuggester(AiSettings settings, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public SuggestedListing suggest(Request request) {
    byte[] body = ChatCompletionsProtocol.requestBody(settings.model(), request);
    String where = settings.model() + " at " + settings.baseUrl().getHost();
    String problem = "no attempt made";
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      Duration wait = backoff(attempt);
      try {
        HttpResponse<String> response = http.send(httpRequest(body), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return ChatCompletionsProtocol.parse(settings.model(), response.body());
        }
        String detail = detail(response.body());
        if (status != 429 && status < 500) {
          throw new SuggestionFailedException(false, where + " refused the request: HTTP " + status
              + (status == 401 || status == 403 ? " (the API key was not accepted)" : "") + detail);
        }
        problem = "HTTP " + status + detail;
        if (status == 429) {
          wait = retryAfter(response).orElse(wait);
        }
      } catch (HttpTimeoutException e) {
        problem = "no answer within " + settings.requestTimeout();
      } catch (IOException e) {
        problem = "cannot reach the service (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SuggestionFailedException(true, where + ": interrupted");
      }
      if (attempt < settings.maxAttempts()) {
        LOG.log(Level.INFO, "suggestion from {0}: {1}; attempt {2} of {3} again in {4} ms", where, problem,
            attempt + 1, settings.maxAttempts(), wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SuggestionFailedException(true, where + ": interrupted");
        }
      }
    }
    LOG.log(Level.WARNING, "suggestion from {0} failed after {1} attempts: {2}", where, settings.maxAttempts(),
        problem);
    throw new SuggestionFailedException(true, where + ": " + problem + " (after " + settings.maxAttempts()
        + " attempts)");
  }

  private HttpRequest httpRequest(byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (settings.apiKey() != null) {
      request.header("Authorization", "Bearer " + settings.apiKey().reveal());
    }
    return request.build();
  }

  /** {@code initialBackoff} doubled for each attempt made, at most {@code maxBackoff}. */
  private Duration backoff(int attempt) {
    Duration wait = settings.initialBackoff();
    for (int i = 1; i < attempt && wait.compareTo(settings.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
  }

  /** A 429's {@code Retry-After} (seconds or an HTTP date), at most {@code maxBackoff}. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Duration wait;
    if (header.get().matches("[0-9]{1,9}")) { // delta-seconds: ASCII digits only
      long seconds = 0;
      for (char digit : header.get().toCharArray()) {
        seconds = seconds * 10 + (digit - '0');
      }
      wait = Duration.ofSeconds(seconds);
    } else {
      try {
        wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.get(),
            DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return Optional.of(wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait);
  }

  /** The start of an error body, for the message, with the key taken out should the service echo it. */
  private String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.strip().replaceAll("\\s+", " ");
    if (settings.apiKey() != null) {
      text = text.replace(settings.apiKey().reveal(), "[redacted]");
    }
    return ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text);
  }

  @Override
  public String toString() {
    return "ChatCompletionsSuggester[" + settings + "]";
  }
}
