package io.crosslist.domain.connection;

/**
 * What rebuilding one tenant's entries of the connected-accounts index found and did.
 *
 * @param connected the tenant's CONNECTED connections: each has its index entry now
 * @param added entries written because they were missing or named another connection
 * @param removed entries deleted because their connection is not CONNECTED (or not there)
 */
public record ReindexReport(long connected, long added, long removed) {
  public ReindexReport {
    if (connected < 0 || added < 0 || removed < 0) {
      throw new IllegalArgumentException("counts must be 0 or more, got " + connected + ", " + added + ", " + removed);
    }
  }

  /** Whether the index was out of step for this tenant (something was added or removed). */
  public boolean changed() {
    return added > 0 || removed > 0;
  }

  public ReindexReport plus(ReindexReport other) {
    return new ReindexReport(connected + other.connected, added + other.added, removed + other.removed);
  }
}
