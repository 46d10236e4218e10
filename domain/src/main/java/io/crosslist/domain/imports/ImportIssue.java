package io.crosslist.domain.imports;

import java.util.Objects;

/**
 * Something in one row of an imported file that could not be taken as it is.
 *
 * @param row the data row's number: 1 is the first row after the header, counted in records (a quoted field
 *     spanning lines is one record)
 * @param column the file's column (its header text), or a derived name such as {@code Parent} or {@code row}
 * @param value the value as found, cut to {@value #MAX_VALUE} characters
 * @param rule the rule it breaks, or why it could not be mapped
 * @param rowFailed true when the row was not imported; false when it was, without this value
 */
public record ImportIssue(int row, String column, String value, String rule, boolean rowFailed) {
  public static final int MAX_VALUE = 200;
  public static final int MAX_RULE = 500;

  public ImportIssue {
    if (row < 1) {
      throw new IllegalArgumentException("an issue's row is 1 or more, got " + row);
    }
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rule, "rule");
    value = cut(value == null ? "" : value, MAX_VALUE);
    column = cut(column, MAX_VALUE);
    rule = cut(rule, MAX_RULE);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
