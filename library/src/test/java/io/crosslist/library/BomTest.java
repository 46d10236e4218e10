package io.crosslist.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The BOM ({@code bom/pom.xml}) names every published artifact of the reactor (a module that attaches sources and
 * javadoc) at the reactor's version, so a host importing it never mixes versions.
 */
class BomTest {
  private static final Pattern MANAGED = Pattern.compile(
      "<artifactId>(crosslist-[a-z-]+)</artifactId><version>([^<]+)</version>");
  private static final Pattern OWN_ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>(crosslist-[a-z-]+)</artifactId>");

  @Test
  void the_bom_lists_every_published_module_at_the_reactor_version() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent(); // surefire runs in library/
    String parent = Files.readString(root.resolve("pom.xml"));
    Matcher version = Pattern.compile("<artifactId>crosslist-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(parent);
    version.find();

    TreeSet<String> published = new TreeSet<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (module.find()) {
      Path pom = root.resolve(module.group(1)).resolve("pom.xml");
      String text = Files.readString(pom);
      Matcher own = OWN_ARTIFACT.matcher(text);
      if (own.find() && !text.contains("<maven.javadoc.skip>true</maven.javadoc.skip>")) {
        published.add(own.group(1));
      }
    }

    TreeSet<String> managed = new TreeSet<>();
    List<String> wrongVersions = new ArrayList<>();
    Matcher entry = MANAGED.matcher(Files.readString(root.resolve("bom/pom.xml")));
    while (entry.find()) {
      managed.add(entry.group(1));
      if (!entry.group(2).equals(version.group(1))) {
        wrongVersions.add(entry.group(1) + " " + entry.group(2));
      }
    }
    assertEquals(published, managed, "the BOM manages exactly the published modules");
    assertEquals(List.of(), wrongVersions, "at the reactor's version " + version.group(1));
    try (Stream<String> lines = Files.lines(root.resolve("bom/pom.xml"))) {
      assertEquals(0, lines.filter(l -> l.contains("<parent>")).count(), "the BOM has no parent (see its comment)");
    }
  }
}
