package io.crosslist.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the rules an input breaks so that a caller hears about all of them at once.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * v.require(title.length() <= 200, "title", "must be at most 200 characters");
 * v.throwIfAny();
 * }</pre>
 */
public final class Violations {
  private final List<FieldViolation> found = new ArrayList<>();

  /** Records a violation of {@code rule} on {@code field} unless {@code holds}. */
  public Violations require(boolean holds, String field, String rule) {
    if (!holds) {
      found.add(new FieldViolation(field, rule));
    }
    return this;
  }

  /** Builds a nested value, recording its violations under {@code field}; returns null when it failed. */
  public <T> T nested(String field, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      found.addAll(e.nestedUnder(field).violations());
      return null;
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
