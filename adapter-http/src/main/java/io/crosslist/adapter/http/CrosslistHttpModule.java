package io.crosslist.adapter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.crosslist.application.connection.port.in.ConnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.DisconnectMarketplaceUseCase;
import io.crosslist.application.connection.port.in.GetConnectionsUseCase;
import io.crosslist.application.connection.port.in.GetProductListingsUseCase;
import io.crosslist.application.connection.port.in.ListConversationsUseCase;
import io.crosslist.application.imports.port.in.GetProductImportUseCase;
import io.crosslist.application.imports.port.in.StartProductImportUseCase;
import io.crosslist.application.connection.port.in.ListOrdersUseCase;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.application.job.port.in.CancelBatchUseCase;
import io.crosslist.application.job.port.in.CancelJobUseCase;
import io.crosslist.application.job.port.in.EnqueueBatchUseCase;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.EnrichProductsUseCase;
import io.crosslist.application.job.port.in.GetBatchUseCase;
import io.crosslist.application.job.port.in.GetJobStatisticsUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.application.job.port.in.GroupStandaloneJobsUseCase;
import io.crosslist.application.job.port.in.ListJobTypesUseCase;
import io.crosslist.application.job.port.in.ListJobsUseCase;
import io.crosslist.application.job.port.in.RetryJobUseCase;
import io.crosslist.application.job.port.in.SearchErrorLogUseCase;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.application.product.port.in.DeleteProductUseCase;
import io.crosslist.application.product.port.in.GetProductUseCase;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.application.schedule.port.in.ListRecurringTasksUseCase;
import io.crosslist.application.suggestion.port.in.ApplySuggestionUseCase;
import io.crosslist.application.suggestion.port.in.DiscardSuggestionUseCase;
import io.crosslist.application.suggestion.port.in.ListSuggestionsUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingsUseCase;
import io.crosslist.application.schedule.port.in.RunTaskNowUseCase;
import io.crosslist.application.tenant.ChangeTenantStatusUseCase;
import io.crosslist.application.tenant.DropTenantUseCase;
import io.crosslist.application.tenant.FleetOperationsUseCase;
import io.crosslist.application.tenant.GetTenantUseCase;
import io.crosslist.application.tenant.ListTenantsUseCase;
import io.crosslist.application.tenant.ProvisionTenantUseCase;

/**
 * The HTTP API's in-ports, gathered from the bindings of Crosslist's library module
 * ({@code io.crosslist.library.CrosslistModule}): install this module beside it, then
 * {@code CrosslistHttpApi.start(injector.getInstance(CrosslistHttpApi.Ports.class), ...)}.
 */
public final class CrosslistHttpModule extends AbstractModule {

  @Provides
  CrosslistHttpApi.Ports httpPorts(CreateProductUseCase create, GetProductUseCase get, ListProductsUseCase list,
      UpdateProductUseCase update, ChangeProductStatusUseCase status, DeleteProductUseCase delete, JobPorts jobs,
      ConnectionPorts connections, ActivityPorts activity, TenantPorts tenants, TaskPorts tasks,
      ImportPorts imports, SuggestionPorts suggestions) {
    return new CrosslistHttpApi.Ports(create, get, list, update, status, delete, jobs, connections, activity, tenants,
        tasks, imports, suggestions);
  }

  @Provides
  ImportPorts importPorts(StartProductImportUseCase start, GetProductImportUseCase get) {
    return new ImportPorts(start, get);
  }

  @Provides
  SuggestionPorts suggestionPorts(SuggestListingUseCase suggest, SuggestListingsUseCase suggestMany,
      ListSuggestionsUseCase list, ApplySuggestionUseCase apply, DiscardSuggestionUseCase discard) {
    return new SuggestionPorts(suggest, suggestMany, list, apply, discard);
  }

  @Provides
  TaskPorts taskPorts(ListRecurringTasksUseCase list, RunTaskNowUseCase runNow) {
    return new TaskPorts(list, runNow);
  }

  @Provides
  JobPorts jobPorts(EnqueueJobUseCase enqueue, EnqueueBatchUseCase enqueueBatch, GetJobUseCase get,
      ListJobsUseCase list, CancelJobUseCase cancel, RetryJobUseCase retry, GetBatchUseCase getBatch,
      CancelBatchUseCase cancelBatch, ListJobTypesUseCase jobTypes, GroupStandaloneJobsUseCase groupStandalone,
      EnrichProductsUseCase enrich) {
    return new JobPorts(enqueue, enqueueBatch, get, list, cancel, retry, getBatch, cancelBatch, jobTypes,
        groupStandalone, enrich);
  }

  @Provides
  ConnectionPorts connectionPorts(ConnectMarketplaceUseCase connect, DisconnectMarketplaceUseCase disconnect,
      GetConnectionsUseCase get) {
    return new ConnectionPorts(connect, disconnect, get);
  }

  @Provides
  ActivityPorts activityPorts(GetProductListingsUseCase listings, ListConversationsUseCase conversations,
      SearchErrorLogUseCase errorLog, GetJobStatisticsUseCase statistics, ListOrdersUseCase orders,
      SyncConversationsUseCase sync) {
    return new ActivityPorts(listings, conversations, errorLog, statistics, orders, sync);
  }

  @Provides
  TenantPorts tenantPorts(ProvisionTenantUseCase provision, ListTenantsUseCase list, GetTenantUseCase get,
      ChangeTenantStatusUseCase changeStatus, DropTenantUseCase drop, FleetOperationsUseCase fleet) {
    return new TenantPorts(provision, list, get, changeStatus, drop, fleet);
  }
}
