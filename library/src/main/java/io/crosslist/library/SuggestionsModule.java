package io.crosslist.library;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.application.product.port.in.UpdateProductUseCase;
import io.crosslist.application.suggestion.port.in.ApplySuggestionUseCase;
import io.crosslist.application.suggestion.port.in.DiscardSuggestionUseCase;
import io.crosslist.application.suggestion.port.in.ListSuggestionsUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingUseCase;
import io.crosslist.application.suggestion.port.in.SuggestListingsUseCase;
import io.crosslist.application.suggestion.service.ListingSuggestionService;
import io.crosslist.application.suggestion.service.SuggestListingsHandler;
import io.crosslist.application.suggestion.service.SuggestListingsService;
import io.crosslist.application.suggestion.service.SuggestionUsage;
import io.crosslist.domain.job.JobHandler;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.suggestion.ListingSuggester;
import io.crosslist.domain.suggestion.ListingSuggestionRepository;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing suggestions: the suggester the builder chose (offline by default), the suggestion use cases, and a
 * {@code SUGGEST_LISTINGS} job handler per marketplace with a marketplace gateway; installed by {@link
 * CrosslistModule}.
 */
final class SuggestionsModule extends AbstractModule {
  private final ListingSuggester suggester;
  private final List<Marketplace> marketplaces;

  SuggestionsModule(ListingSuggester suggester, List<Marketplace> marketplaces) {
    this.suggester = suggester;
    this.marketplaces = List.copyOf(marketplaces);
  }

  @Override
  protected void configure() {
    bind(ListingSuggester.class).toInstance(suggester);
    bind(SuggestionUsage.class).in(Singleton.class);
    bind(SuggestListingUseCase.class).to(ListingSuggestionService.class);
    bind(ListSuggestionsUseCase.class).to(ListingSuggestionService.class);
    bind(ApplySuggestionUseCase.class).to(ListingSuggestionService.class);
    bind(DiscardSuggestionUseCase.class).to(ListingSuggestionService.class);
    bind(SuggestListingsUseCase.class).to(SuggestListingsService.class);
    Services.bind(binder(), SuggestListingsService.class);
    bind(StartLog.class).asEagerSingleton();
    Provider<ProductRepository> products = getProvider(ProductRepository.class);
    Provider<ListingSuggestionRepository> suggestions = getProvider(ListingSuggestionRepository.class);
    Provider<SuggestionUsage> usage = getProvider(SuggestionUsage.class);
    Provider<Clock> clock = getProvider(Clock.class);
    Multibinder<JobHandler> handlers = CrosslistModule.jobHandlers(binder());
    for (Marketplace marketplace : marketplaces) {
      handlers.addBinding().toProvider((Provider<JobHandler>) () -> new SuggestListingsHandler(marketplace,
          products.get(), suggestions.get(), suggester, usage.get(), clock.get()));
    }
  }

  @Provides
  @Singleton
  ListingSuggestionService suggestions(ProductRepository products, ListingSuggestionRepository suggestions,
      UpdateProductUseCase updates, UnitOfWork unitOfWork, SuggestionUsage usage, Clock clock) {
    return new ListingSuggestionService(products, suggestions, updates, unitOfWork, suggester, usage, clock);
  }

  /** One INFO line of the logger {@code io.crosslist.library.SuggestionsModule}: which suggester answers (never its key). */
  static final class StartLog {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionsModule.class);

    @Inject
    StartLog(ListingSuggester suggester) {
      LOG.info("listing suggestions: {}", suggester);
    }
  }
}
