package io.crosslist.domain;

import java.util.Objects;

/**
 * One broken rule on one input field, e.g. {@code title: must be 1 to 200 characters}.
 *
 * @param field dotted path of the offending field as the caller named it ({@code price.amount})
 * @param rule the rule the value broke, phrased so that it reads after the field name
 */
public record FieldViolation(String field, String rule) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
