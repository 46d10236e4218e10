package io.crosslist.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the README and of the manual ({@code docs/**}{@code /*.md}) resolves: its file exists inside
 * the repository, and its {@code #anchor}, in a Markdown file, names a heading there by GitHub's slug rules. Links
 * with a scheme (https, mailto) are not followed.
 */
class DocumentationLinksTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent(); // the reactor

  private static final Pattern FENCE = Pattern.compile("^[ \\t]*(`{3,}|~{3,})");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->");
  private static final Pattern INLINE_LINK = Pattern.compile("]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^]]+]:\\s*<?([^\\s>]+)>?");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
  private static final Pattern MARKDOWN_LINK_TEXT = Pattern.compile("!?\\[([^]]*)]\\([^)]*\\)");
  private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

  /** A link that does not resolve: where it is, what it says, and why. */
  record Broken(Path file, int line, String target, String why) {
    @Override
    public String toString() {
      return file + ":" + line + ": (" + target + ") " + why;
    }
  }

  /** The outcome of a check: how many links were followed, and the broken ones. */
  record Report(int checked, List<Broken> broken) {}

  @Test
  void every_link_of_the_readme_and_the_manual_resolves() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    Report report = check(ROOT, files);
    assertTrue(report.checked() > 100, "only " + report.checked() + " links found: the walk checks nothing");
    assertTrue(report.broken().isEmpty(), report.broken().size() + " broken link(s):\n"
        + String.join("\n", report.broken().stream().map(Broken::toString).toList()));
  }

  @Test
  void a_missing_file_a_missing_heading_and_a_link_out_of_the_repository_are_caught(@TempDir Path dir)
      throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(dir.resolve("outside.md"), "# Outside\n");
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/guide.md"), "# Guide\n\n## Running it: the first time\n");
    Files.writeString(repo.resolve("README.md"), """
        # Read me

        Good: [guide](docs/guide.md), [its section](docs/guide.md#running-it-the-first-time), [top](#read-me),
        [the site](https://example.com/missing.md) and `[code](not-a-link.md)`.
        Bad: [gone](docs/gone.md), [no such heading](docs/guide.md#running-it), [out](../outside.md).

        ```
        [in a code block](also-not-a-link.md)
        ```

        [ref]: docs/missing-too.md
        """);
    Report report = check(repo, List.of(repo.resolve("README.md")));
    List<String> broken = report.broken().stream().map(b -> b.target() + ": " + b.why()).toList();
    assertEquals(List.of(
        "docs/gone.md: no such file",
        "docs/guide.md#running-it: no heading with that slug in docs/guide.md",
        "../outside.md: leaves the repository",
        "docs/missing-too.md: no such file"), broken);
    assertEquals(7, report.checked());
    assertEquals(5, report.broken().get(0).line());
  }

  @Test
  void slugs_follow_githubs_rules() {
    assertEquals("the-error-model-which-status-for-what", slug("The error model: which status for what"));
    assertEquals("on-citus-schema-based-sharding-compatible-by-construction-not-yet-tested",
        slug("On Citus (schema-based sharding): compatible by construction, not yet tested"));
    assertEquals("get-orders", slug("`GET /orders`"));
    assertEquals("no_schema_switch_in_code", slug("no_schema_switch_in_code"));
    assertEquals("through-a-transaction-pooler-issue-20", slug("Through a transaction pooler (issue #20)"));
    assertEquals("tenant-lanes", slug("[Tenant lanes](x.md)"));
    assertEquals(Set.of("tests", "tests-1", "code"), anchors("## Tests\n```\n# not a heading\n```\n## Tests\n### Code\n"));
  }

  /** Follows every relative link of {@code files}, which lie under {@code root}. */
  static Report check(Path root, List<Path> files) {
    Path top = root.toAbsolutePath().normalize();
    Map<Path, Set<String>> anchorsOf = new HashMap<>();
    List<Broken> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      Path source = file.toAbsolutePath().normalize();
      List<String> lines = prose(read(source));
      for (int i = 0; i < lines.size(); i++) {
        for (String target : targets(lines.get(i))) {
          if (SCHEME.matcher(target).find()) {
            continue;
          }
          checked++;
          String why = problem(top, source, target, anchorsOf);
          if (why != null) {
            broken.add(new Broken(top.relativize(source), i + 1, target, why));
          }
        }
      }
    }
    return new Report(checked, broken);
  }

  private static String problem(Path top, Path source, String target, Map<Path, Set<String>> anchorsOf) {
    int hash = target.indexOf('#');
    String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = path.isEmpty() ? source : source.getParent().resolve(path).normalize();
    if (!resolved.startsWith(top)) {
      return "leaves the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (anchor == null || !resolved.toString().endsWith(".md")) {
      return null;
    }
    Set<String> anchors = anchorsOf.computeIfAbsent(resolved, p -> anchors(read(p)));
    String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return anchors.contains(wanted) ? null : "no heading with that slug in " + top.relativize(resolved);
  }

  /** The link targets of one line of prose: inline links and images, and reference definitions. */
  private static List<String> targets(String line) {
    String text = COMMENT.matcher(CODE_SPAN.matcher(line).replaceAll("code")).replaceAll("");
    List<String> targets = new ArrayList<>();
    Matcher definition = REFERENCE_DEFINITION.matcher(text);
    if (definition.find()) {
      targets.add(definition.group(1));
    }
    Matcher inline = INLINE_LINK.matcher(text);
    while (inline.find()) {
      targets.add(inline.group(1));
    }
    return targets;
  }

  /** The anchors of a Markdown text: GitHub's slug of each heading (repeats numbered), and explicit HTML anchors. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(markdown)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int repeat = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return anchors;
  }

  /** GitHub's heading slug: link text kept, lower case, all but letters, digits, spaces, hyphens and underscores
   * dropped, each space a hyphen. */
  static String slug(String heading) {
    String text = MARKDOWN_LINK_TEXT.matcher(heading.strip()).replaceAll("$1");
    return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
  }

  /** The lines of a Markdown text with fenced code blocks blanked out, so line numbers stay right. */
  private static List<String> prose(String markdown) {
    List<String> lines = new ArrayList<>();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      Matcher m = FENCE.matcher(line);
      if (fence == null && m.find()) {
        fence = m.group(1);
        lines.add("");
      } else if (fence != null) {
        if (closes(line.strip(), fence)) {
          fence = null;
        }
        lines.add("");
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Whether {@code line} closes a block opened by {@code fence}: the same character, at least as many. */
  private static boolean closes(String line, String fence) {
    return line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
