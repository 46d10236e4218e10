package io.crosslist.application.job.service;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The handlers the engine knows, one per (marketplace, action); a second one for the same pair is refused. */
public final class JobHandlers {
  private final Map<Marketplace, Map<JobAction, JobHandler>> byMarketplace = new EnumMap<>(Marketplace.class);

  public JobHandlers(Collection<? extends JobHandler> handlers) {
    for (JobHandler handler : handlers) {
      Objects.requireNonNull(handler, "handler");
      JobHandler previous = byMarketplace.computeIfAbsent(handler.marketplace(), m -> new EnumMap<>(JobAction.class))
          .putIfAbsent(handler.action(), handler);
      if (previous != null) {
        throw new IllegalArgumentException("two handlers for " + handler.marketplace() + " " + handler.action() + ": "
            + previous.getClass().getName() + " and " + handler.getClass().getName());
      }
    }
  }

  public Optional<JobHandler> find(Marketplace marketplace, JobAction action) {
    return Optional.ofNullable(byMarketplace.getOrDefault(marketplace, Map.of()).get(action));
  }

  /** The pairs some handler serves, as {@code "VINTED PUBLISH"}, in marketplace then action order. */
  public List<String> supported() {
    List<String> pairs = new ArrayList<>();
    byMarketplace.forEach((marketplace, actions) -> actions.keySet().forEach(a -> pairs.add(marketplace + " " + a)));
    return List.copyOf(pairs);
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
