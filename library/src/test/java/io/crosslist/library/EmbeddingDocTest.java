package io.crosslist.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The code blocks of {@code docs/embedding.md} are the compiled code of the examples, so they cannot drift. */
class EmbeddingDocTest {
  private static final Path DOC = Path.of("..", "docs", "embedding.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TAGGED = Pattern.compile("^[ \\t]*// tag::[a-z-]+\\[]\\n(.*?)^[ \\t]*// end::",
      Pattern.DOTALL | Pattern.MULTILINE);

  @Test
  void the_gateways_section_shows_the_code_of_gateways_example() throws IOException {
    assertEquals(tagged(Path.of("src/test/java/io/crosslist/library/GatewaysExample.java")),
        javaBlocks(section(Files.readString(DOC), "## Gateways")));
  }

  static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    if (start < 0) {
      throw new AssertionError(DOC + " has no section " + heading);
    }
    int end = markdown.indexOf("\n## ", start + heading.length() + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The regions between {@code // tag::name[]} and {@code // end::name[]}, without their common indentation. */
  static List<String> tagged(Path source) throws IOException {
    List<String> regions = new ArrayList<>();
    Matcher m = TAGGED.matcher(Files.readString(source));
    while (m.find()) {
      regions.add(dedent(m.group(1)));
    }
    return regions;
  }

  private static String dedent(String region) {
    List<String> lines = region.lines().toList();
    int common = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.isBlank() ? "" : l.substring(common)).append('\n'));
    return out.toString();
  }
}
