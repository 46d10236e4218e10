package io.crosslist.bootstrap;

import static io.crosslist.bootstrap.CliRun.run;
import static io.crosslist.bootstrap.CliRun.runWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.marketplace.ai.ChatCompletionsSuggester;
import io.crosslist.adapter.marketplace.ai.OfflineListingSuggester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The suggester options of serve and worker: validated before anything starts, the API key never printed. */
class AiOptionsTest {
  private static final String KEY = "sk-cli-test-key-that-must-never-be-printed";

  @TempDir
  Path dir;

  private static AiOptions parse(Map<String, String> env, String... args) {
    WorkerCommand worker = new WorkerCommand();
    CommandLine cli = new CommandLine(worker);
    cli.setDefaultValueProvider(ConfigDefaults.load(args, env));
    cli.parseArgs(args);
    return worker.ai;
  }

  @Test
  void without_a_base_url_suggestions_are_offline_and_with_one_the_key_comes_from_the_environment_or_a_file()
      throws Exception {
    assertTrue(parse(Map.of()).suggester() instanceof OfflineListingSuggester);
    var online = parse(Map.of("CROSSLIST_AI_API_KEY", KEY), "--ai-base-url", "http://127.0.0.1:11434/v1",
        "--ai-model", "llama3.1").suggester();
    assertTrue(online instanceof ChatCompletionsSuggester);
    assertTrue(online.toString().contains("model=llama3.1"), online.toString());
    assertFalse(online.toString().contains(KEY), online.toString());
    Path keyFile = dir.resolve("key.txt");
    Files.writeString(keyFile, KEY + "\n");
    var fromFile = parse(Map.of(), "--ai-base-url", "https://api.example.com/v1", "--ai-model", "m",
        "--ai-api-key", "@" + keyFile).suggester();
    assertTrue(fromFile.toString().contains("apiKey=[redacted]"), fromFile.toString());
  }

  @Test
  void help_never_prints_the_key() {
    CliRun help = runWith(Map.of("CROSSLIST_AI_API_KEY", KEY), "serve", "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("--ai-base-url"), help.out());
    assertTrue(help.out().contains("--ai-api-key"), help.out());
    assertFalse(help.out().contains(KEY) || help.err().contains(KEY), help.out());
  }

  @Test
  void wrong_settings_stop_the_start_naming_the_option_and_never_the_key() {
    CliRun badUrl = runWith(Map.of("CROSSLIST_AI_API_KEY", KEY), "worker", "--ai-base-url", "ftp://models.example",
        "--ai-model", "m", "--ai-timeout", "PT0S", "--stop-after", "PT0S");
    assertEquals(2, badUrl.exit(), badUrl.err());
    assertTrue(badUrl.err().contains("--ai-base-url (CROSSLIST_AI_BASE_URL, or ai-base-url in the configuration file):"
        + " must be an absolute http or https URL"), badUrl.err());
    assertTrue(badUrl.err().contains("--ai-timeout"), badUrl.err());
    assertFalse(badUrl.err().contains(KEY) || badUrl.out().contains(KEY), badUrl.err());

    CliRun noModel = run("worker", "--ai-base-url", "https://api.example.com/v1", "--stop-after", "PT0S");
    assertEquals(2, noModel.exit(), noModel.err());
    assertTrue(noModel.err().contains("--ai-model"), noModel.err());

    CliRun modelAlone = run("worker", "--ai-model", "m", "--stop-after", "PT0S");
    assertEquals(2, modelAlone.exit(), modelAlone.err());
    assertTrue(modelAlone.err().contains("needs --ai-base-url"), modelAlone.err());

    CliRun missingFile = run("worker", "--ai-base-url", "https://api.example.com/v1", "--ai-model", "m",
        "--ai-api-key", "@" + dir.resolve("nope.txt"), "--stop-after", "PT0S");
    assertEquals(2, missingFile.exit(), missingFile.err());
    assertTrue(missingFile.err().contains("--ai-api-key") && missingFile.err().contains("cannot read"),
        missingFile.err());
  }
}
