package io.crosslist.application.tenant;

import io.crosslist.application.schedule.TenantFailure;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fleet operation as it stands: what it does, how far it got, and which tenants failed and why.
 *
 * @param id its id, for {@code GET /admin/fleet/migrations/{id}}
 * @param kind what it does, e.g. {@code migrate}
 * @param state RUNNING until every tenant was tried, then COMPLETED (some may have failed) or FAILED (it could not run)
 * @param total tenants it works on
 * @param done tenants finished, failed ones included
 * @param failed tenants whose work failed
 * @param failures the first failures with their causes
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while it runs
 * @param error why it could not run at all (state FAILED), else null
 */
public record FleetOperation(String id, String kind, State state, int total, int done, int failed,
    List<TenantFailure> failures, Instant startedAt, Instant finishedAt, String error) {

  /** Where an operation is. */
  public enum State { RUNNING, COMPLETED, FAILED }

  public FleetOperation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    failures = List.copyOf(failures);
  }
}
