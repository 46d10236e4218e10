package io.crosslist.domain.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reseal pass found and did; reports add up across tenants with {@link #plus}. Every secret
 * scanned is counted once, by what it is: {@code scanned = resealed + alreadyCurrent + plaintext +
 * onOldKey + failed}. A plaintext secret is never counted as current, whatever the pass's scope.
 *
 * @param scanned stored secrets looked at
 * @param resealed secrets rewritten with the current key
 * @param alreadyCurrent ciphertexts already made with the current primary key
 * @param plaintext secrets left in plaintext: outside this pass's scope (a {@link ResealScope#PLAINTEXT}
 *     pass encrypts them)
 * @param onOldKey ciphertexts left on an older key: outside this pass's scope (an {@link
 *     ResealScope#OLD_KEYS} pass rewrites them)
 * @param failed secrets in scope that could not be rewritten (each one named in {@code failures})
 * @param failures one line per failed secret: which tenant, connection and field, and why; never the secret
 */
public record ResealReport(long scanned, long resealed, long alreadyCurrent, long plaintext, long onOldKey,
    long failed, List<String> failures) {
  public static final ResealReport EMPTY = new ResealReport(0, 0, 0, 0, 0, 0, List.of());
  /** The most failure lines a report keeps; the count goes on. */
  public static final int MAX_FAILURE_LINES = 100;

  public ResealReport {
    failures = List.copyOf(failures);
  }

  public ResealReport plus(ResealReport other) {
    List<String> lines = new ArrayList<>(failures);
    other.failures.stream().limit(Math.max(0, MAX_FAILURE_LINES - lines.size())).forEach(lines::add);
    return new ResealReport(scanned + other.scanned, resealed + other.resealed, alreadyCurrent + other.alreadyCurrent,
        plaintext + other.plaintext, onOldKey + other.onOldKey, failed + other.failed, lines);
  }
}
