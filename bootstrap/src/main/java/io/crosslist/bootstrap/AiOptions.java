package io.crosslist.bootstrap;

import io.crosslist.adapter.marketplace.ai.AiSettings;
import io.crosslist.adapter.marketplace.ai.ChatCompletionsSuggester;
import io.crosslist.adapter.marketplace.ai.OfflineListingSuggester;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.suggestion.ListingSuggester;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The listing suggester of {@code serve} and {@code worker} (a picocli mixin): a language model over the
 * OpenAI-compatible chat-completions protocol when {@code --ai-base-url} is set, else the offline suggester. The API
 * key is read from {@code $CROSSLIST_AI_API_KEY}, the file, or {@code @FILE}; no message, log line or help text
 * prints it.
 */
final class AiOptions {

  @Option(names = "--ai-base-url", paramLabel = "URL", description = "OpenAI-compatible chat-completions service for"
      + " listing suggestions, the part before /chat/completions: https://api.openai.com/v1, or a local server such as"
      + " http://127.0.0.1:11434/v1 (default: $CROSSLIST_AI_BASE_URL; when unset, suggestions are composed offline"
      + " from the product's own attributes)")
  String baseUrl;

  @Option(names = "--ai-model", paramLabel = "MODEL", description = "model that writes the suggestions, required with"
      + " --ai-base-url (default: $CROSSLIST_AI_MODEL)")
  String model;

  @Option(names = "--ai-api-key", paramLabel = "KEY", description = "API key of --ai-base-url, or @FILE holding it;"
      + " prefer $CROSSLIST_AI_API_KEY or @FILE to the command line; never printed (default: none, for a local server"
      + " that needs none)")
  String apiKey;

  @Option(names = "--ai-timeout", paramLabel = "DURATION", description = "time limit of one suggestion request,"
      + " ISO-8601 (default: PT60S)")
  Duration timeout = Duration.ofSeconds(60);

  @Option(names = "--ai-attempts", paramLabel = "N", description = "attempts per suggestion, 1 to 10: 429 (after its"
      + " Retry-After), 5xx and timeouts are tried again, waiting 1 s, then 2 s, ... up to 30 s (default: 3)")
  int attempts = 3;

  /**
   * The suggester these options describe.
   *
   * @throws IllegalArgumentException naming each wrong option, where it can be set, and the rule (never the key)
   */
  ListingSuggester suggester() {
    if (baseUrl == null || baseUrl.isBlank()) {
      if (model != null && !model.isBlank()) {
        throw new IllegalArgumentException(ConfigDefaults.describe("--ai-model") + ": needs --ai-base-url; without one,"
            + " suggestions are composed offline");
      }
      return new OfflineListingSuggester();
    }
    URI uri;
    try {
      uri = URI.create(baseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ConfigDefaults.describe("--ai-base-url") + ": is not a URL");
    }
    try {
      Secret key = apiKey == null || apiKey.isBlank() ? null : Secret.of("apiKey", keyText(apiKey));
      // one constructor call, so that every wrong option is named at once
      return new ChatCompletionsSuggester(new AiSettings(uri, model, key, Duration.ofSeconds(10), timeout, attempts,
          Duration.ofSeconds(1), Duration.ofSeconds(30)));
    } catch (ValidationException e) {
      Map<String, String> options = Map.of("baseUrl", "--ai-base-url", "model", "--ai-model", "requestTimeout",
          "--ai-timeout", "maxAttempts", "--ai-attempts", "apiKey", "--ai-api-key");
      throw new IllegalArgumentException(e.violations().stream()
          .map(v -> ConfigDefaults.describe(options.getOrDefault(v.field(), v.field())) + ": " + v.rule())
          .collect(Collectors.joining("; ")));
    }
  }

  /** The key itself, or the content of the file {@code @path} names (its first line, trimmed). */
  private static String keyText(String spec) {
    if (!spec.startsWith("@")) {
      return spec.strip();
    }
    Path file = Path.of(spec.substring(1));
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new IllegalArgumentException(ConfigDefaults.describe("--ai-api-key") + ": " + file + " is empty");
      }
      return text.lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw new IllegalArgumentException(ConfigDefaults.describe("--ai-api-key") + ": cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
