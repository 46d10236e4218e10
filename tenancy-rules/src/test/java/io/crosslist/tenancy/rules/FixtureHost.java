package io.crosslist.tenancy.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.ibatis.annotations.Select;

/**
 * A fixture host project (under {@code src/test/hosts}) built the way Maven would build its main code:
 * {@code src/main/java} compiled and {@code src/main/resources} copied into {@code target/classes}; its
 * tenancy settings are those of its {@code src/test/resources/archunit.properties}.
 */
record FixtureHost(Path project, Path classes, JavaClasses imported, TenancySettings settings) {

  /** Where the fixture hosts' sources are (Surefire runs the tests in the module's directory). */
  static Path source(String name) {
    return Path.of(System.getProperty("basedir", ".")).resolve("src/test/hosts").resolve(name);
  }

  /** Copies the named fixture host into {@code into} and builds it there. */
  static FixtureHost copyAndBuild(String name, Path into) {
    copy(source(name), into);
    return build(into);
  }

  /** Builds the project at {@code project} into its {@code target/classes}. */
  static FixtureHost build(Path project) {
    Path classes = project.resolve("target/classes");
    try {
      deleteRecursively(classes);
      Files.createDirectories(classes);
      List<String> sources;
      try (Stream<Path> files = Files.walk(project.resolve("src/main/java"))) {
        sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
      }
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none",
          "-classpath", classPathOf(HikariConfig.class, Select.class, org.slf4j.Logger.class)));
      args.addAll(sources);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int exit = javac.run(null, null, null, args.toArray(String[]::new));
      if (exit != 0) {
        throw new IllegalStateException("the fixture host " + project + " does not compile");
      }
      copy(project.resolve("src/main/resources"), classes);
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(project.resolve("src/test/resources/archunit.properties"))) {
        properties.load(in);
      }
      JavaClasses imported = new ClassFileImporter().importPath(classes);
      return new FixtureHost(project, classes, imported, TenancySettings.fromProperties(properties));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String classPathOf(Class<?>... types) {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : types) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!from.relativize(file).startsWith("target")) {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
