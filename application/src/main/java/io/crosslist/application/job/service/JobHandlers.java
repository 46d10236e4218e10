package io.crosslist.application.job.service;

import io.crosslist.domain.UniqueIndex;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.marketplace.Marketplace;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The handlers the engine knows, one per (marketplace, action); a second one for the same pair is refused. */
public final class JobHandlers {
  private final UniqueIndex<Pair, JobHandler> byPair;

  /** What a handler serves; shown as {@code "VINTED PUBLISH"}. */
  private record Pair(Marketplace marketplace, JobAction action) {
    @Override
    public String toString() {
      return marketplace + " " + action;
    }
  }

  /** @throws IllegalArgumentException when two handlers serve one pair, naming both */
  public JobHandlers(Collection<? extends JobHandler> handlers) {
    this.byPair = UniqueIndex.of("handlers", handlers,
        h -> h.marketplace() == null || h.action() == null ? null : new Pair(h.marketplace(), h.action()));
  }

  public Optional<JobHandler> find(Marketplace marketplace, JobAction action) {
    return byPair.find(new Pair(marketplace, action));
  }

  /** The pairs some handler serves, as {@code "VINTED PUBLISH"}, in the order the handlers were given. */
  public List<String> supported() {
    return byPair.keys().stream().map(Pair::toString).toList();
  }

  /**
   * Refuses a request no handler serves, before it is stored: it could only fail later.
   *
   * @throws ValidationException on {@code action}, naming the pair and the supported ones
   */
  public void requireServed(JobRequest request) {
    if (find(request.marketplace(), request.action()).isEmpty()) {
      throw ValidationException.of("action", "no handler serves " + request.marketplace() + " " + request.action()
          + " here; supported: " + String.join(", ", supported()));
    }
  }
}
