package io.crosslist.bootstrap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as an operator types it: ISO-8601 ({@code PT10M}) or a number and a unit ({@code 50ms}, {@code 30s},
 * {@code 10m}, {@code 2h}, {@code 1d}).
 */
final class DurationText {
  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  private DurationText() {}

  /**
   * @param option the option it is given to, named in the error
   * @throws IllegalArgumentException naming {@code option} when {@code text} is neither form
   */
  static Duration parse(String option, String text) {
    String value = text == null ? "" : text.strip();
    Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = 0;
      for (char digit : m.group(1).toCharArray()) { // ASCII digits only (the pattern), not an id: no id parser
        n = n * 10 + (digit - '0');
      }
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(ConfigDefaults.describe(option) + ": '" + text + "' is not a duration such"
          + " as 50ms, 30s, 10m, 2h, 1d or ISO-8601 PT10M");
    }
  }
}
