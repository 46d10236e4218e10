package io.crosslist.application.job.service;

import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.domain.UniqueIndex;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobType;
import io.crosslist.domain.marketplace.Marketplace;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of the job types a deployment serves: one {@link JobHandler} per (marketplace, action), Crosslist's
 * and the host's alike. A second handler for a type is refused, and so is one whose {@link
 * JobHandler#needsProduct()} contradicts a built-in action. Enqueue asks it whether a request is served and names a
 * product as its type requires ({@link #requireServed}); the engine asks it for the handler of a claimed job.
 */
public final class JobHandlers implements ListJobTypesUseCase {
  private final UniqueIndex<JobType, JobHandler> byType;
  private final List<SupportedJobType> supported;

  /**
   * @throws IllegalArgumentException on two handlers for one type, or a built-in action's product rule broken
   * @throws IllegalStateException when a handler of a new action does not declare {@link JobHandler#needsProduct()}
   */
  public JobHandlers(Collection<? extends JobHandler> handlers) {
    this.byType = UniqueIndex.of("handlers", handlers, handler -> new JobType(
        Objects.requireNonNull(handler.marketplace(), "a handler's marketplace"),
        Objects.requireNonNull(handler.action(), "a handler's action")));
    for (JobHandler handler : byType.values()) {
      JobType type = new JobType(handler.marketplace(), handler.action());
      boolean needs = handler.needsProduct();
      if (type.action().isBuiltIn() && needs != JobAction.PRODUCT_ACTIONS.contains(type.action())) {
        throw new IllegalArgumentException(handler.getClass().getName() + " says " + type + " jobs "
            + (needs ? "name" : "do not name") + " a product, but " + type.action() + " jobs "
            + (needs ? "never do" : "always do"));
      }
    }
    this.supported = byType.values().stream()
        .map(h -> new SupportedJobType(h.marketplace(), h.action(), h.needsProduct()))
        .sorted(Comparator.comparing(SupportedJobType::type))
        .toList();
  }

  public Optional<JobHandler> find(Marketplace marketplace, JobAction action) {
    return find(new JobType(marketplace, action));
  }

  public Optional<JobHandler> find(JobType type) {
    return byType.find(type);
  }

  @Override
  public List<SupportedJobType> jobTypes() {
    return supported;
  }

  /**
   * Refuses a request no handler serves, or one that names a product when its type names none (or the
   * reverse), before it is stored: it could only fail later.
   *
   * @throws ValidationException on {@code action}, naming the type and the supported ones; or on {@code product}
   */
  public void requireServed(JobRequest request) {
    JobType type = request.type();
    Optional<JobHandler> served = byType.find(type);
    if (served.isEmpty()) {
      throw ValidationException.of("action", "no handler serves " + type + " here; supported: "
          + supported.stream().map(s -> s.type().toString()).collect(Collectors.joining(", ")));
    }
    boolean needsProduct = served.get().needsProduct();
    if (needsProduct && request.product() == null) {
      throw ValidationException.of("product", "is required for " + type);
    }
    if (!needsProduct && request.product() != null) {
      throw ValidationException.of("product", "must be absent for " + type);
    }
  }
}
