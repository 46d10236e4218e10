package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.crosslist.application.connection.port.in.KeepSessionsAliveUseCase;
import io.crosslist.application.connection.port.in.PollOrdersUseCase;
import io.crosslist.application.connection.port.in.RefreshTokensUseCase;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.application.schedule.ConversationSyncTask;
import io.crosslist.application.job.port.in.PurgeFinishedJobsUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.application.product.port.in.CleanUpAbandonedDraftsUseCase;
import io.crosslist.application.schedule.AbandonedDraftsTask;
import io.crosslist.application.schedule.JobCleanupTask;
import io.crosslist.application.schedule.OrderPollingTask;
import io.crosslist.application.schedule.RecurringTask;
import io.crosslist.application.schedule.RecurringTaskService;
import io.crosslist.application.schedule.RecurringTaskSettings;
import io.crosslist.application.schedule.SessionKeepAliveTask;
import io.crosslist.application.schedule.TenantTask;
import io.crosslist.application.schedule.TokenRefreshAheadTask;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase;
import io.crosslist.application.schedule.port.in.RunRecurringTaskUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.tenant.TenantMigrationTask;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.schedule.TickLedger;
import io.crosslist.domain.tenant.TenantDirectory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The recurring tasks over the tenant sweep, with their parameters, and the host's {@link TenantTask}s (a set
 * multibinding any module of the injector adds to); installed by {@link CrosslistModule}.
 */
final class RecurringTasksModule extends AbstractModule {
  private final RecurringTaskSettings recurring;

  RecurringTasksModule(RecurringTaskSettings recurring) {
    this.recurring = recurring;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), TenantTask.class); // none until a host adds one
    bind(RunRecurringTaskUseCase.class).to(RecurringTaskService.class);
    bind(RunTaskNowUseCase.class).to(RecurringTaskService.class);
    bind(ListRecurringTasksUseCase.class).to(RecurringTaskService.class);
    bind(TasksChecked.class).asEagerSingleton();
  }

  /** Builds the tasks as the injector is created, so that a name taken twice stops it there, not at first use. */
  static final class TasksChecked {
    @Inject
    TasksChecked(RecurringTaskService tasks) {
      // constructing the service checked every name
    }
  }

  /**
   * The recurring tasks: job cleanup, abandoned drafts, token refresh-ahead, the Vinted keep-alive, the Etsy
   * orders polling, the conversations sync and the background fleet migration, then the host's tasks over every active tenant (or their
   * own tenants), as many at a time as the built-in ones. A name taken twice is refused here.
   */
  @Provides
  @Singleton
  RecurringTaskService recurringTasks(TickLedger ledger, JobExecutionService engine, TenantDirectory tenants,
      PurgeFinishedJobsUseCase purge, CleanUpAbandonedDraftsUseCase drafts, ConnectedTenantIndex connected,
      RefreshTokensUseCase refresh, KeepSessionsAliveUseCase keepAlive, PollOrdersUseCase poll,
      MigrateTenantsUseCase fleet, SyncConversationsUseCase conversations, Set<TenantTask> hostTasks) {
    List<RecurringTask> tasks = new ArrayList<>(List.of(
        new JobCleanupTask(engine, engine, tenants, purge, recurring.jobRetention(), recurring.parallelism()),
        new AbandonedDraftsTask(tenants, drafts, recurring.draftsMaxAgeDays(), recurring.parallelism()),
        new TokenRefreshAheadTask(connected, refresh, recurring.refreshWindow(), recurring.parallelism()),
        new SessionKeepAliveTask(connected, keepAlive, recurring.keepAliveFailures(), recurring.parallelism()),
        new OrderPollingTask(connected, poll, recurring.parallelism()),
        new ConversationSyncTask(connected, conversations, recurring.parallelism()),
        new TenantMigrationTask(fleet, recurring.parallelism())));
    for (TenantTask task : hostTasks) {
      tasks.add(task.toRecurringTask((after, limit) -> tenants.activeTenants(Optional.ofNullable(after), limit),
          recurring.parallelism()));
    }
    return new RecurringTaskService(ledger, tasks);
  }
}
