package io.crosslist.domain.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reseal pass found and did; reports add up across tenants with {@link #plus}.
 *
 * @param scanned stored secrets looked at
 * @param resealed secrets rewritten with the current key
 * @param alreadyCurrent secrets that needed nothing (already on the current key, or not in the pass's scope)
 * @param failed secrets that could not be rewritten (each one named in {@code failures})
 * @param failures one line per failed secret: which tenant, connection and field, and why; never the secret
 */
public record ResealReport(long scanned, long resealed, long alreadyCurrent, long failed, List<String> failures) {
  public static final ResealReport EMPTY = new ResealReport(0, 0, 0, 0, List.of());
  /** The most failure lines a report keeps; the count goes on. */
  public static final int MAX_FAILURE_LINES = 100;

  public ResealReport {
    failures = List.copyOf(failures);
  }

  public ResealReport plus(ResealReport other) {
    List<String> lines = new ArrayList<>(failures);
    other.failures.stream().limit(Math.max(0, MAX_FAILURE_LINES - lines.size())).forEach(lines::add);
    return new ResealReport(scanned + other.scanned, resealed + other.resealed, alreadyCurrent + other.alreadyCurrent,
        failed + other.failed, lines);
  }
}
