package io.crosslist.adapter.http;

import io.crosslist.application.connection.port.in.GetProductListingsUseCase;
import io.crosslist.application.connection.port.in.ListConversationsUseCase;
import io.crosslist.application.connection.port.in.ListOrdersUseCase;
import io.crosslist.application.connection.port.in.SyncConversationsUseCase;
import io.crosslist.application.job.port.in.GetJobStatisticsUseCase;
import io.crosslist.application.job.port.in.SearchErrorLogUseCase;
import java.util.Objects;

/**
 * The in-ports behind the activity routes: listings, conversations (and their on-demand sync), error log,
 * statistics and orders.
 */
public record ActivityPorts(GetProductListingsUseCase listings, ListConversationsUseCase conversations,
    SearchErrorLogUseCase errorLog, GetJobStatisticsUseCase statistics, ListOrdersUseCase orders,
    SyncConversationsUseCase syncConversations) {
  public ActivityPorts {
    Objects.requireNonNull(listings, "listings");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(errorLog, "errorLog");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(syncConversations, "syncConversations");
  }
}
