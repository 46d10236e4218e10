package io.crosslist.benchmarks;

import com.google.inject.Injector;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.job.service.JobRunSettings;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.job.JobJournal;
import io.crosslist.domain.job.JobQueue;
import io.crosslist.domain.job.MarketplaceJobRepository;
import io.crosslist.domain.marketplace.Marketplace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs engine of {@link JobsBenchmark} and {@link PoolerBenchmark}, wired as bootstrap wires it, with a no-op
 * handler for every (marketplace, action) that counts its runs.
 */
final class NoOpEngine {
  final JobQueue queue;
  final JobExecutionService service;
  /** Handler runs so far: the throughput clock watches this, as it watches db-scheduler's own counter. */
  final AtomicInteger executed = new AtomicInteger();

  NoOpEngine(Injector injector) {
    this.queue = injector.getInstance(JobQueue.class);
    List<JobHandler> noOps = new ArrayList<>();
    for (Marketplace marketplace : Marketplace.BUILT_IN) {
      for (JobAction action : JobAction.BUILT_IN) {
        noOps.add(new JobHandler() {
          @Override
          public Marketplace marketplace() {
            return marketplace;
          }

          @Override
          public JobAction action() {
            return action;
          }

          @Override
          public JobOutcome handle(JobContext context) {
            executed.incrementAndGet();
            return JobOutcome.success(null);
          }
        });
      }
    }
    this.service = new JobExecutionService(queue, injector.getInstance(MarketplaceJobRepository.class),
        injector.getInstance(JobJournal.class), new JobHandlers(noOps), injector.getInstance(UnitOfWork.class),
        JobRunSettings.DEFAULT, Clock.systemUTC(), new SplittableRandom(1));
  }
}
