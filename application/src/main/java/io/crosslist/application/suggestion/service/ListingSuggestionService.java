package io.crosslist.application.suggestion.service;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.application.product.port.in.UpdateProductUseCase.UpdateProductCommand;
import io.crosslist.application.suggestion.port.in.ApplySuggestionUseCase;
import io.crosslist.application.suggestion.port.in.DiscardSuggestionUseCase;
import io.crosslist.application.suggestion.port.in.ListSuggestionsUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingUseCase;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductId;
import io.crosslist.domain.product.ProductNotFoundException;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.ListingSuggestion;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import io.crosslist.domain.suggestion.SuggestionConflictException;
import io.crosslist.domain.suggestion.SuggestionId;
import io.crosslist.domain.suggestion.SuggestionNotFoundException;
import io.crosslist.domain.suggestion.SuggestionStatus;
import io.crosslist.domain.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Suggestions one product at a time: made now (the suggester is called outside any transaction, then the
 * suggestions are stored together), listed, applied through the product update, or discarded.
 */
public final class ListingSuggestionService implements SuggestListingUseCase, ListSuggestionsUseCase,
    ApplySuggestionUseCase, DiscardSuggestionUseCase {
  private final ProductRepository products;
  private final ListingSuggestionRepository suggestions;
  private final UpdateProductUseCase updates;
  private final UnitOfWork unitOfWork;
  private final SuggestionMaker maker;
  private final Clock clock;

  public ListingSuggestionService(ProductRepository products, ListingSuggestionRepository suggestions,
      UpdateProductUseCase updates, UnitOfWork unitOfWork, ListingSuggester suggester, SuggestionUsage usage,
      Clock clock) {
    this.products = Objects.requireNonNull(products, "products");
    this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maker = new SuggestionMaker(suggester, usage, clock);
  }

  @Override
  public List<ListingSuggestion> suggest(SuggestListingCommand command) {
    TenantId tenant = command.tenant();
    Product product = liveProduct(tenant, command.product());
    List<ListingSuggestion> made = new ArrayList<>();
    for (Marketplace marketplace : command.marketplaces()) {
      made.add(maker.make(product, marketplace, command.fields(), null));
    }
    return unitOfWork.inTransaction(tenant, () -> {
      liveProduct(tenant, command.product()); // not deleted while the suggester thought
      return made.stream().map(s -> suggestions.add(tenant, s)).toList();
    });
  }

  @Override
  public List<ListingSuggestion> list(TenantId tenant, ProductId product, SuggestionStatus status) {
    liveProduct(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(product, "product"));
    return suggestions.listFor(tenant, product, status);
  }

  @Override
  public Product apply(TenantId tenant, ProductId product, SuggestionId id) {
    Objects.requireNonNull(id, "suggestion");
    return unitOfWork.inTransaction(Objects.requireNonNull(tenant, "tenant"), () -> {
      Product current = liveProduct(tenant, product);
      ListingSuggestion suggestion = suggestions.find(tenant, product, id)
          .orElseThrow(() -> new SuggestionNotFoundException(product, id));
      ListingSuggestion applied = suggestion.applied(clock.instant());
      if (current.version() != suggestion.productVersion()) {
        throw SuggestionConflictException.stale(id, product, suggestion.productVersion(), current.version());
      }
      // the normal update path: its version check, the details' validation, the reference codes
      Product updated = updates.update(new UpdateProductCommand(tenant, product, suggestion.productVersion(),
          suggestion.applyTo(current.details())));
      if (!suggestions.decide(tenant, applied)) {
        throw SuggestionConflictException.decidedMeanwhile(id);
      }
      return updated;
    });
  }

  @Override
  public ListingSuggestion discard(TenantId tenant, ProductId product, SuggestionId id) {
    Objects.requireNonNull(id, "suggestion");
    return unitOfWork.inTransaction(Objects.requireNonNull(tenant, "tenant"), () -> {
      ListingSuggestion suggestion = suggestions.find(tenant, Objects.requireNonNull(product, "product"), id)
          .orElseThrow(() -> new SuggestionNotFoundException(product, id));
      ListingSuggestion discarded = suggestion.discarded(clock.instant());
      if (!suggestions.decide(tenant, discarded)) {
        throw SuggestionConflictException.decidedMeanwhile(id);
      }
      return discarded;
    });
  }

  private Product liveProduct(TenantId tenant, ProductId product) {
    return products.findById(tenant, product).orElseThrow(() -> new ProductNotFoundException(product));
  }
}
