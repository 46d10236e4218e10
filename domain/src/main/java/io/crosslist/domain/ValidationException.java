package io.crosslist.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks one or more rules; carries every violation found, not only the first. */
public final class ValidationException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldViolation> violations;

  public ValidationException(List<FieldViolation> violations) {
    super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public static ValidationException of(String field, String rule) {
    return new ValidationException(List.of(new FieldViolation(field, rule)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** The same violations with {@code prefix.} in front of each field, for values nested in a larger input. */
  public ValidationException nestedUnder(String prefix) {
    return new ValidationException(
        violations.stream().map(v -> new FieldViolation(prefix + "." + v.field(), v.rule())).toList());
  }
}
