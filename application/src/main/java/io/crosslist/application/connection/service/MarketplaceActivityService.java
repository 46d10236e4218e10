package io.crosslist.application.connection.service;

import io.crosslist.application.connection.port.in.GetProductListingsUseCase;
import io.crosslist.application.connection.port.in.ListConversationsUseCase;
import io.crosslist.application.connection.port.in.ListOrdersUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.conversation.ConversationRepository;
import io.crosslist.domain.conversation.ConversationThread;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.marketplace.OrderRepository;
import io.crosslist.domain.marketplace.OrderSearch;
import io.crosslist.domain.marketplace.RecordedOrder;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/** Reads what happened on the marketplaces for a tenant: a product's listings, the conversations and the orders. */
public final class MarketplaceActivityService implements GetProductListingsUseCase, ListConversationsUseCase,
    ListOrdersUseCase {
  private final ProductRepository products;
  private final ListingRepository listings;
  private final ConversationRepository conversations;
  private final OrderRepository orders;

  public MarketplaceActivityService(ProductRepository products, ListingRepository listings,
      ConversationRepository conversations, OrderRepository orders) {
    this.orders = Objects.requireNonNull(orders, "orders");
    this.products = Objects.requireNonNull(products, "products");
    this.listings = Objects.requireNonNull(listings, "listings");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
  }

  @Override
  public List<MarketplaceListing> listings(TenantId tenant, ProductId product) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    if (products.findById(tenant, product).isEmpty()) {
      throw new ProductNotFoundException(product);
    }
    return listings.listingsOf(tenant, product);
  }

  @Override
  public List<ConversationThread> threads(TenantId tenant, int limit) {
    if (limit < 1 || limit > 500) {
      throw ValidationException.of("limit", "must be between 1 and 500");
    }
    return conversations.threads(Objects.requireNonNull(tenant, "tenant"), limit);
  }

  @Override
  public Page<RecordedOrder> orders(TenantId tenant, OrderSearch search) {
    return orders.search(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(search, "search"));
  }
}
