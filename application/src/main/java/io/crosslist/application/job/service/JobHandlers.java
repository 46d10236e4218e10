package io.crosslist.application.job.service;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.marketplace.Marketplace;
import java.util.Collection;
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
}
