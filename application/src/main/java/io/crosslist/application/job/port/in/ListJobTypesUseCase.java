package io.crosslist.application.job.port.in;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobType;
import io.crosslist.domain.marketplace.Marketplace;
import java.util.List;
import java.util.Objects;

/**
 * In-port: the job types this deployment serves, one per registered {@link io.crosslist.domain.job.JobHandler}
 * (Crosslist's and the host's). Enqueuing a job of any other type is refused.
 */
public interface ListJobTypesUseCase {

  /** Every served type, by marketplace then action (names in character order). */
  List<SupportedJobType> jobTypes();

  /** The marketplaces some served type runs on, by name: the ones workers claim jobs of. */
  default List<Marketplace> marketplaces() {
    return jobTypes().stream().map(SupportedJobType::marketplace).distinct().sorted().toList();
  }

  /**
   * A served job type.
   *
   * @param needsProduct whether its jobs must name a product (enqueue refuses one without, and one with a
   *     product when false)
   */
  record SupportedJobType(Marketplace marketplace, JobAction action, boolean needsProduct) {
    public SupportedJobType {
      Objects.requireNonNull(marketplace, "marketplace");
      Objects.requireNonNull(action, "action");
    }

    public JobType type() {
      return new JobType(marketplace, action);
    }
  }
}
