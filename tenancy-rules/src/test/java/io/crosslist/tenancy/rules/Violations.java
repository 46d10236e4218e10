package io.crosslist.tenancy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/** The violation lines of a rule, and the assertion that they are exactly the expected ones. */
final class Violations {
  private Violations() {}

  static List<String> of(ArchRule rule, JavaClasses classes) {
    return rule.evaluate(classes).getFailureReport().getDetails();
  }

  /** Each expected text starts exactly one line, and every line is expected. */
  static void assertLines(List<String> lines, String... expectedStarts) {
    List<String> left = new ArrayList<>(lines);
    for (String expected : expectedStarts) {
      List<String> matching = left.stream().filter(l -> l.startsWith(expected)).toList();
      if (matching.size() != 1) {
        fail("expected one line starting with\n  " + expected + "\nin\n  " + String.join("\n  ", lines));
      }
      left.remove(matching.get(0));
    }
    assertEquals(List.of(), left, "unexpected violations");
  }
}
