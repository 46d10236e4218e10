package io.crosslist.domain;

import java.util.OptionalLong;

/**
 * The one textual form of Crosslist's numeric ids (tenants, products, jobs, batches, connections):
 * ASCII digits only, no sign, no leading zero, no whitespace, no fraction or exponent, from 1 to
 * {@value Long#MAX_VALUE}. Every id that arrives as text (a token claim, a path, a JSON number's literal, a
 * CLI argument, a configuration value) goes through {@link #parse}, so two different strings never
 * name the same id: {@code "42"} is id 42, and {@code "042"}, {@code "+42"}, {@code " 42"},
 * {@code "42.0"} and {@code "٤٢"} (Arabic-Indic digits, which {@link Long#parseLong} accepts) name nothing.
 */
public final class CanonicalId {
  /** The rule a refused text breaks, for error messages. */
  public static final String RULE = "must be a positive integer in ASCII digits, with no sign, leading zero, space,"
      + " fraction or exponent, at most " + Long.MAX_VALUE;
  private static final String MAX = Long.toString(Long.MAX_VALUE);

  private CanonicalId() {}

  /** The id {@code text} names, or empty when it is not in the canonical form (or is null). */
  public static OptionalLong parse(CharSequence text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    int length = text.length();
    if (length == 0 || length > MAX.length() || text.charAt(0) == '0') {
      return OptionalLong.empty();
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
      value = value * 10 + (c - '0');
    }
    // 19 digits can overflow: compare as text, digits of equal length order like their values
    if (length == MAX.length() && text.toString().compareTo(MAX) > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(value);
  }

  /** The canonical text of {@code value}, which {@link #parse} reads back. */
  public static String format(long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("an id is positive, got " + value);
    }
    return Long.toString(value);
  }
}
