package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.product.port.in.CleanUpAbandonedDraftsUseCase;
import io.crosslist.application.schedule.AbandonedDraftsTask;
import io.crosslist.application.schedule.JobCleanupTask;
import io.crosslist.application.schedule.OrderPollingTask;
import io.crosslist.application.schedule.RecurringTaskService;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.application.schedule.SessionKeepAliveTask;
import io.crosslist.application.schedule.TokenRefreshAheadTask;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.tenant.TenantMigrationTask;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.tenant.TenantDirectory;
import java.util.List;

/** The recurring tasks over the tenant sweep, with their parameters; installed by {@link CrosslistModule}. */
final class RecurringTasksModule extends AbstractModule {
  private final RecurringTaskSettings recurring;

  RecurringTasksModule(RecurringTaskSettings recurring) {
    this.recurring = recurring;
  }

  /**
   * The recurring tasks: job cleanup, abandoned drafts, token refresh-ahead, the Vinted keep-alive, the Etsy
   * orders polling and the background fleet migration.
   */
  @Provides
  @Singleton
  RunRecurringTaskUseCase recurringTasks(TickLedger ledger, JobExecutionService engine, TenantDirectory tenants,
      PurgeFinishedJobsUseCase purge, CleanUpAbandonedDraftsUseCase drafts, ConnectedTenantIndex connected,
      RefreshTokensUseCase refresh, KeepSessionsAliveUseCase keepAlive, PollOrdersUseCase poll,
      MigrateTenantsUseCase fleet) {
    return new RecurringTaskService(ledger, List.of(
        new JobCleanupTask(engine, engine, tenants, purge, recurring.jobRetention(), recurring.parallelism()),
        new AbandonedDraftsTask(tenants, drafts, recurring.draftsMaxAgeDays(), recurring.parallelism()),
        new TokenRefreshAheadTask(connected, refresh, recurring.refreshWindow(), recurring.parallelism()),
        new SessionKeepAliveTask(connected, keepAlive, recurring.keepAliveFailures(), recurring.parallelism()),
        new OrderPollingTask(connected, poll, recurring.parallelism()),
        new TenantMigrationTask(fleet, recurring.parallelism())));
  }
}
