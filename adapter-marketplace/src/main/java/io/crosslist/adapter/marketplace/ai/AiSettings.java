package io.crosslist.adapter.marketplace.ai;

import io.crosslist.domain.Violations;
import io.crosslist.domain.connection.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how {@link ChatCompletionsSuggester} asks a model: the service's base URL (the part before
 * {@code /chat/completions}, e.g. {@code https://api.openai.com/v1} or a local {@code http://127.0.0.1:11434/v1}),
 * the model, the API key (none for a local server that needs none), the time limits and the retries. The key is a
 * {@link Secret}: {@link #toString()} never shows it.
 *
 * <pre>{@code
 * AiSettings settings = AiSettings.of(URI.create("https://api.openai.com/v1"), "gpt-4o-mini",
 *     Secret.of("apiKey", System.getenv("OPENAI_API_KEY")));
 * }</pre>
 *
 * @param baseUrl absolute http or https URL
 * @param model 1 to 200 characters
 * @param apiKey sent as {@code Authorization: Bearer}, or null to send none
 * @param connectTimeout 100 ms to 5 min
 * @param requestTimeout one attempt's limit, 100 ms to 10 min
 * @param maxAttempts attempts per suggestion, 1 to 10 (429, 5xx, timeouts and connection failures are retried)
 * @param initialBackoff wait before the second attempt, doubled for each next one (a 429's {@code Retry-After} wins);
 *     0 to 1 min
 * @param maxBackoff longest wait between attempts, at least {@code initialBackoff}, at most 5 min
 */
public record AiSettings(URI baseUrl, String model, Secret apiKey, Duration connectTimeout, Duration requestTimeout,
    int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public AiSettings {
    Violations v = new Violations();
    String scheme = baseUrl == null || baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    v.require(baseUrl != null && (scheme.equals("http") || scheme.equals("https")) && baseUrl.getHost() != null
        && baseUrl.getRawQuery() == null && baseUrl.getRawUserInfo() == null, "baseUrl",
        "must be an absolute http or https URL without a query or credentials, such as https://api.openai.com/v1");
    v.require(model != null && !model.isBlank() && model.length() <= 200, "model", "must be 1 to 200 characters");
    v.require(within(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5)), "connectTimeout",
        "must be between 100 ms and 5 minutes");
    v.require(within(requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(10)), "requestTimeout",
        "must be between 100 ms and 10 minutes");
    v.require(maxAttempts >= 1 && maxAttempts <= 10, "maxAttempts", "must be between 1 and 10");
    v.require(within(initialBackoff, Duration.ZERO, Duration.ofMinutes(1)), "initialBackoff",
        "must be between 0 and 1 minute");
    v.require(within(maxBackoff, Duration.ZERO, Duration.ofMinutes(5))
        && (initialBackoff == null || maxBackoff.compareTo(initialBackoff) >= 0), "maxBackoff",
        "must be between initialBackoff and 5 minutes");
    v.throwIfAny();
  }

  /** With the defaults: 10 s to connect, 60 s per attempt, 3 attempts, backoff 1 s doubling up to 30 s. */
  public static AiSettings of(URI baseUrl, String model, Secret apiKey) {
    return new AiSettings(baseUrl, model, apiKey, Duration.ofSeconds(10), Duration.ofSeconds(60), 3,
        Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  public AiSettings withTimeouts(Duration connect, Duration request) {
    return new AiSettings(baseUrl, model, apiKey, connect, request, maxAttempts, initialBackoff, maxBackoff);
  }

  public AiSettings withRetries(int attempts, Duration initial, Duration max) {
    return new AiSettings(baseUrl, model, apiKey, connectTimeout, requestTimeout, attempts, initial, max);
  }

  /** The chat-completions endpoint: the base URL and {@code /chat/completions}. */
  URI endpoint() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
  }

  private static boolean within(Duration d, Duration min, Duration max) {
    return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
  }

  /** Everything but the key, which reads {@code [redacted]} (or {@code none}). */
  @Override
  public String toString() {
    return "AiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "[redacted]")
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts
        + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "]";
  }
}
