package com.example.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding code is this host's code: each Java block marked
 * {@code <!-- from examples/host-service/...java -->} must appear, line for line, in that file, so it compiles.
 */
class ReadmeSnippetsTest {
  private static final Pattern MARKED = Pattern.compile(
      "<!-- from (examples/host-service/[^ ]+\\.java) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent().getParent(); // the reactor

  /** The lines of marked snippets in {@code readme} that are not in the file they name; null when none is marked. */
  static List<String> missing(String readme) throws IOException {
    Matcher m = MARKED.matcher(readme);
    List<String> missing = new ArrayList<>();
    int found = 0;
    while (m.find()) {
      found++;
      String source = Files.readString(ROOT.resolve(m.group(1)));
      for (String line : m.group(2).split("\n")) {
        if (!line.isBlank() && !source.contains(line.strip())) {
          missing.add(m.group(1) + ": " + line.strip());
        }
      }
    }
    return found == 0 ? null : missing;
  }

  @Test
  void every_marked_readme_snippet_is_in_the_file_it_names() throws IOException {
    List<String> missing = missing(Files.readString(ROOT.resolve("README.md")));
    assertTrue(missing != null, "the README marks its embedding snippets");
    assertTrue(missing.isEmpty(), "README lines not in the example host's code: " + missing);
  }

  @Test
  void a_snippet_line_the_code_does_not_have_is_caught() throws IOException {
    String readme = "<!-- from examples/host-service/src/main/java/com/example/host/HostService.java -->\n```java\n"
        + "        .withTenantTrack(NOTES_TRACK)\n"
        + "    injector = Guice.createInjector(new CrosslistModule(gateways));\n```\n";
    assertFalse(missing(readme).isEmpty());
    assertTrue(missing(readme).get(0).endsWith("new CrosslistModule(gateways));"), missing(readme).toString());
  }
}
