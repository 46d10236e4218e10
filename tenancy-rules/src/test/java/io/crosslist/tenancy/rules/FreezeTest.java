package io.crosslist.tenancy.rules;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legacy host freezes its violations (ArchUnit's {@code FreezingArchRule}, default text store and line
 * matcher), then moves to another folder and adds lines above every frozen violation: nothing is new, for
 * the class rules and the resource rules alike. A violation added afterwards is the only one reported.
 */
class FreezeTest {
  @TempDir Path dir;

  @Test
  void frozen_violations_stay_known_when_the_project_moves_and_lines_move() throws IOException {
    Path store = dir.resolve("archunit_store");
    FixtureHost first = FixtureHost.copyAndBuild("violating", dir.resolve("checkout/shop"));
    List<ArchRule> rules = TenancyRules.of(first.settings()).list();
    List<List<String>> frozen = new ArrayList<>();
    for (ArchRule rule : rules) {
      frozen.add(Violations.of(rule, first.imported()));
      assertFalse(withStore(store, () -> freeze(rule).evaluate(first.imported()).hasViolation()), "first run freezes");
    }

    Path moved = dir.resolve("another/place/much/deeper/shop");
    FixtureHost.copy(first.project(), moved);
    addLinesAtTheTopOfEverySource(moved);
    FixtureHost second = FixtureHost.build(moved);
    for (int i = 0; i < rules.size(); i++) {
      ArchRule rule = rules.get(i);
      assertNotEquals(frozen.get(i), Violations.of(rule, second.imported()), "the lines moved: " + rule.getDescription());
      List<String> unknown = withStore(store, () -> freeze(rule).evaluate(second.imported()).getFailureReport().getDetails());
      assertEquals(List.of(), unknown, rule.getDescription());
    }

    Files.writeString(moved.resolve("src/main/resources/db/legacy/another-switch.sql"), "SET search_path TO user_2;\n");
    Path searchPath = moved.resolve("src/main/java/com/acme/shop/switching/SetsSearchPath.java");
    Files.writeString(searchPath, Files.readString(searchPath).replaceFirst("}\\s*$",
        "\n  String another() {\n    return \"SET search_path TO user_2\";\n  }\n}\n"));
    FixtureHost third = FixtureHost.build(moved);
    TenancyRules again = TenancyRules.of(third.settings());
    assertEquals(List.of("Resource <db/legacy/another-switch.sql> switches the session schema with"
            + " \"SET search_path TO user_2\" in (db/legacy/another-switch.sql:1)" + resourceWhy()),
        withStore(store, () -> freeze(again.noSchemaSwitchInResources()).evaluate(third.imported())
            .getFailureReport().getDetails()));
    List<String> newInCode = withStore(store, () -> freeze(again.noSchemaSwitchInCode()).evaluate(third.imported())
        .getFailureReport().getDetails());
    assertEquals(1, newInCode.size(), String.join("\n", newInCode));
    assertEquals(true, newInCode.get(0).startsWith("Method <com.acme.shop.switching.SetsSearchPath.another()> switches"
        + " the session schema with \"SET search_path TO user_2\" in (SetsSearchPath.java:"), newInCode.get(0));
  }

  private static String resourceWhy() {
    return ": " + SchemaSwitches.Reach.SESSION.why() + "; fix: " + Messages.SWITCH_FIX_RESOURCE;
  }

  private static <T> T withStore(Path store, Supplier<T> evaluation) {
    return ArchConfiguration.withThreadLocalScope(config -> {
      config.setProperty("freeze.store.default.path", store.toString());
      config.setProperty("freeze.store.default.allowStoreCreation", "true");
      return evaluation.get();
    });
  }

  /** Three lines above everything: at the top of Java, SQL, properties and YAML files, after the prolog of XML. */
  private static void addLinesAtTheTopOfEverySource(Path project) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("src/main"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        String added;
        if (name.endsWith(".java")) {
          added = "// moved\n// down\n// three lines\n" + text;
        } else if (name.endsWith(".sql")) {
          added = "-- moved\n-- down\n-- three lines\n" + text;
        } else if (name.endsWith(".xml")) {
          int prolog = text.indexOf('\n', text.indexOf("<!DOCTYPE")) + 1;
          added = text.substring(0, prolog) + "<!-- moved -->\n<!-- down -->\n<!-- three lines -->\n" + text.substring(prolog);
        } else {
          added = "# moved\n# down\n# three lines\n" + text;
        }
        try {
          Files.writeString(file, added);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
