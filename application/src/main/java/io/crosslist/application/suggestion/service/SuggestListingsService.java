package io.crosslist.application.suggestion.service;

import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.service.JobHandlers;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.suggestion.port.in.SuggestListingsUseCase;
import io.crosslist.domain.Page;
import io.crosslist.domain.PageCursor;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.Violations;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import io.crosslist.domain.suggestion.SuggestionRun;
import io.crosslist.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts a bulk suggestion job: the product list is resolved and checked now, then stored with the job in the
 * job's own transaction, so a worker never sees the job without its list.
 */
public final class SuggestListingsService implements SuggestListingsUseCase {
  private final ProductRepository products;
  private final ListingSuggestionRepository suggestions;
  private final EnqueueJobUseCase enqueue;
  private final JobHandlers handlers;
  private final UnitOfWork unitOfWork;

  public SuggestListingsService(ProductRepository products, ListingSuggestionRepository suggestions,
      EnqueueJobUseCase enqueue, JobHandlers handlers, UnitOfWork unitOfWork) {
    this.products = Objects.requireNonNull(products, "products");
    this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
    this.enqueue = Objects.requireNonNull(enqueue, "enqueue");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public MarketplaceJob start(SuggestListingsCommand command) {
    TenantId tenant = command.tenant();
    if (handlers.find(command.marketplace(), SuggestListingsHandler.ACTION).isEmpty()) {
      throw ValidationException.of("marketplace", "no suggestion job serves " + command.marketplace() + " here");
    }
    List<ProductId> selected = command.products() != null ? checked(tenant, command.products())
        : byStatus(tenant, command);
    if (selected.isEmpty()) {
      throw ValidationException.of("status", "selects no product");
    }
    return unitOfWork.inTransaction(tenant, () -> {
      MarketplaceJob job = enqueue.enqueue(tenant, JobRequest.of(command.marketplace(), SuggestListingsHandler.ACTION,
          null));
      suggestions.saveRun(tenant, new SuggestionRun(job.id(), selected, command.fields()));
      return job;
    });
  }

  private List<ProductId> checked(TenantId tenant, List<ProductId> ids) {
    Violations v = new Violations();
    for (int i = 0; i < ids.size(); i++) {
      v.require(products.findById(tenant, ids.get(i)).isPresent(), "productIds[" + i + "]",
          "names no live product of this tenant");
    }
    v.throwIfAny();
    return ids;
  }

  private List<ProductId> byStatus(TenantId tenant, SuggestListingsCommand command) {
    List<ProductId> ids = new ArrayList<>();
    PageCursor after = null;
    do {
      Page<Product> page = products.search(tenant, ProductSearch.firstPage().withStatus(command.status())
          .withLimit(ProductSearch.MAX_LIMIT).after(after));
      page.items().forEach(p -> ids.add(p.id()));
      after = page.next();
    } while (after != null && ids.size() < SuggestionRun.MAX_PRODUCTS);
    return ids.size() > SuggestionRun.MAX_PRODUCTS ? List.copyOf(ids.subList(0, SuggestionRun.MAX_PRODUCTS)) : ids;
  }
}
