package io.crosslist.library;

import io.crosslist.application.job.handler.MarketplaceGateways;
import io.crosslist.domain.connection.OAuthGateway;
import io.crosslist.domain.connection.SessionKeepAliveGateway;
import io.crosslist.domain.conversation.ConversationGateway;
import java.util.List;
import java.util.Objects;

/** The gateways a {@link CrosslistModule} is built with: marketplaces, token endpoints, messaging, keep-alives. */
record Gateways(MarketplaceGateways marketplaces, List<OAuthGateway> oauth, List<ConversationGateway> conversations,
    List<SessionKeepAliveGateway> keepAlive) {
  Gateways {
    Objects.requireNonNull(marketplaces, "marketplaces");
    oauth = List.copyOf(oauth);
    conversations = List.copyOf(conversations);
    keepAlive = List.copyOf(keepAlive);
  }
}
