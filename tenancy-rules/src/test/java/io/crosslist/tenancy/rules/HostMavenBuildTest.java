package io.crosslist.tenancy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture hosts built by Maven as a host team builds them ({@code mvn test}, offline, from ~/.m2): the host's
 * one-line rule test runs the five rules with the Surefire the wrapper's Maven picks by default, and reports each
 * violation with its message while the clean host passes. With Maven 3.8 and its default Surefire (2.12.4) the same
 * build passes having run nothing; with Surefire pinned to 3.x it reports the violations again. The rules jar is
 * handed to the hosts as a file ({@code -Dcrosslist.rules.jar}), since the tests may not install into ~/.m2.
 */
class HostMavenBuildTest {
  @TempDir static Path dir;
  static Path rulesJar;

  @BeforeAll
  static void packTheRules() throws Exception {
    Path classes = Path.of(CrosslistTenancyRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    rulesJar = dir.resolve("crosslist-tenancy-rules.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(rulesJar)); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jar);
        jar.closeEntry();
      }
    }
  }

  @Test
  void with_the_wrapper_maven_and_its_default_surefire_the_violations_are_reported_and_the_clean_host_passes()
      throws Exception {
    String mavenHome = System.getProperty("crosslist.test.mavenHome");
    if (mavenHome == null || mavenHome.isBlank()) {
      abort("crosslist.test.mavenHome is not set (the module's Surefire configuration passes ${maven.home})");
    }
    Build build = build(Path.of(mavenHome, "bin", "mvn"), "wrapper");
    abortIfOfflineCannotResolve(build);
    Matcher surefire = Pattern.compile("maven-surefire-plugin:(\\S+):test").matcher(build.output());
    assertTrue(surefire.find() && surefire.group(1).startsWith("3."), "the wrapper's Maven picks a Surefire 3\n"
        + build.tail());
    assertReportsEveryViolationAndTheCleanHostPasses(build);
  }

  @Test
  void with_maven_3_8_and_surefire_pinned_to_3_the_violations_are_reported_again() throws Exception {
    Build pinned = build(maven38(), "maven-3.8-surefire-3", maven38Repository("-Psurefire-3"));
    abortIfOfflineCannotResolve(pinned);
    assertTrue(pinned.output().contains("maven-surefire-plugin:3.5.4:test"), pinned.tail());
    assertReportsEveryViolationAndTheCleanHostPasses(pinned);
  }

  @Test
  void with_maven_3_8_and_its_default_surefire_2_12_4_the_violating_host_passes_having_run_no_rule() throws Exception {
    Build defaults = build(maven38(), "maven-3.8", maven38Repository());
    abortIfOfflineCannotResolve(defaults);
    assertTrue(defaults.output().contains("maven-surefire-plugin:2.12.4:test"), defaults.tail());
    assertEquals(0, defaults.exit(), "the trap: the violating host's build passes\n" + defaults.tail());
    assertFalse(defaults.output().contains("Tests run: 5"), "no rule ran\n" + defaults.tail());
  }

  /**
   * Maven 3.8 needs artifacts Maven 3.9 does not (Surefire 2.12.4's dependencies, plexus-utils 1.1 for every plugin),
   * which a machine that only ran the wrapper has not downloaded. {@code -Dcrosslist.test.maven38.repo=DIR} names a
   * local repository that has them (the builds stay offline: the tests download nothing).
   */
  private static String[] maven38Repository(String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    String repository = System.getProperty("crosslist.test.maven38.repo");
    if (repository != null && !repository.isBlank()) {
      args.add("-Dmaven.repo.local=" + repository);
    }
    return args.toArray(String[]::new);
  }

  private static void abortIfOfflineCannotResolve(Build build) {
    Matcher missing = Pattern.compile("in offline mode and the artifact (\\S+) has not been downloaded").matcher(build.output());
    if (missing.find()) {
      abort("the host build needs " + missing.group(1) + ", which the local repository does not have and an offline"
          + " build cannot fetch (for Maven 3.8: -Dcrosslist.test.maven38.repo=<a local repository that has its plugins>)");
    }
  }

  private static void assertReportsEveryViolationAndTheCleanHostPasses(Build build) throws IOException {
    assertTrue(build.exit() != 0, "the violating host fails its build\n" + build.tail());
    String violating = report(build.hosts().resolve("violating"));
    assertTrue(violating.contains("Tests run: 5, Failures: 5, Errors: 0, Skipped: 0"), violating);
    for (String message : List.of(
        "Method <com.acme.shop.switching.SetsSearchPath.statement()> switches the session schema with"
            + " \"SET search_path TO user_1\" in (SetsSearchPath.java:8): " + SchemaSwitches.Reach.SESSION.why(),
        "Method <com.acme.shop.mappers.SwitchingAnnotationMapper.switchTenant()> @Update switches the session schema",
        "Method <com.acme.shop.switching.ConfiguresHikariSchema.pool(java.lang.String)> calls"
            + " com.zaxxer.hikari.HikariConfig.setSchema(java.lang.String) in (ConfiguresHikariSchema.java:9)",
        "Resource <config/init.yml> switches the session schema with \"set session search_path to user_1\" in"
            + " (config/init.yml:5)",
        "Resource <application.yaml> sets HikariCP's schema with \"spring.datasource.hikari.schema=user_1\"",
        "Resource <com/acme/shop/mappers/OrderByMapper.xml> substitutes ${orderBy} into SQL text in"
            + " (com/acme/shop/mappers/OrderByMapper.xml:7)",
        "Method <com.acme.shop.legacy.LegacyInvoiceQueries.byId()> names tenant table invoices without ${tenant}")) {
      assertTrue(violating.contains(message), "expected in the host's report: " + message + "\n" + violating);
    }
    assertFalse(violating.contains(build.hosts().toString()), "no absolute path in the messages");
    String clean = report(build.hosts().resolve("clean"));
    assertTrue(clean.contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0"), clean);
  }

  private static String report(Path host) throws IOException {
    Path reports = host.resolve("target/surefire-reports");
    if (!Files.isDirectory(reports)) {
      return "(no Surefire report in " + host.getFileName() + ")";
    }
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(reports)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        text.append(Files.readString(file));
      }
    }
    return text.toString();
  }

  /** What a build printed; {@code hosts} is the copy of the fixture hosts it built. */
  record Build(int exit, String output, Path hosts) {
    String tail() {
      return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
  }

  private static Build build(Path mvn, String name, String... extra) throws IOException, InterruptedException {
    Path hosts = dir.resolve(name);
    FixtureHost.copy(FixtureHost.source(""), hosts);
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-ntp", "-fae",
        "-Dcrosslist.rules.jar=" + rulesJar, "test"));
    command.addAll(List.of(extra));
    Path log = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(command).directory(hosts.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + ": the host build did not finish within 10 minutes");
    }
    return new Build(process.exitValue(), Files.readString(log), hosts);
  }

  /** A Maven 3.8 from {@code crosslist.test.maven38} or the {@code mvn} on the PATH; the test is skipped without one. */
  private static Path maven38() throws IOException, InterruptedException {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty("crosslist.test.maven38");
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        candidates.add(Path.of(entry, "mvn"));
      }
    }
    Pattern version = Pattern.compile("Apache Maven (3\\.8\\.\\d+)");
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        Process process = new ProcessBuilder(candidate.toString(), "-v").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(1, TimeUnit.MINUTES);
        Matcher m = version.matcher(out);
        if (m.find()) {
          return candidate;
        }
      }
    }
    return abort("no Maven 3.8 found (set -Dcrosslist.test.maven38=/path/to/bin/mvn or put it on the PATH)");
  }
}
