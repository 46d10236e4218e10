package io.crosslist.library;

import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.application.tenant.MigrateTenantsUseCase;
import io.crosslist.application.suggestion.service.SuggestionUsage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The process-wide gauges of an embedded Crosslist (the workers' and tasks' meters come with
 * {@link CrosslistRuntime}): the connection pool by state, the tenants behind this build, and the listing
 * suggestions' token counters.
 */
public final class CrosslistMetrics {
  private CrosslistMetrics() {}

  /** Registers every gauge below in {@code registry}. */
  public static void bind(PersistenceModule persistence, Injector injector, MeterRegistry registry) {
    poolGauges(persistence, registry);
    fleetGauge(injector.getInstance(MigrateTenantsUseCase.class), registry);
    suggestionCounters(injector.getInstance(SuggestionUsage.class), registry);
  }

  /**
   * {@code crosslist.suggestions.tokens} (tag {@code kind}: prompt, completion): the tokens this process's listing
   * suggestions cost; {@code crosslist.suggestions} (tag {@code outcome}: suggested, failed): suggestions made and
   * failed. Each stored suggestion also records its own token usage.
   */
  public static void suggestionCounters(SuggestionUsage usage, MeterRegistry registry) {
    FunctionCounter.builder("crosslist.suggestions.tokens", usage, SuggestionUsage::promptTokens).tag("kind", "prompt")
        .description("language-model tokens spent on listing suggestions").register(registry);
    FunctionCounter.builder("crosslist.suggestions.tokens", usage, SuggestionUsage::completionTokens)
        .tag("kind", "completion").description("language-model tokens spent on listing suggestions")
        .register(registry);
    FunctionCounter.builder("crosslist.suggestions", usage, SuggestionUsage::suggestions).tag("outcome", "suggested")
        .description("listing suggestions made or failed").register(registry);
    FunctionCounter.builder("crosslist.suggestions", usage, SuggestionUsage::failures).tag("outcome", "failed")
        .description("listing suggestions made or failed").register(registry);
  }

  /**
   * {@code crosslist.tenants.behind}: tenants behind this build in some migration track, read from the registry at
   * most every 30 s (the tenants migrated and failed are the {@code tenant-migration} task's
   * {@code crosslist.scheduler.tenants} counters).
   */
  public static void fleetGauge(MigrateTenantsUseCase fleet, MeterRegistry registry) {
    long[] cached = {-1, 0}; // value, when read (nanos)
    Gauge.builder("crosslist.tenants.behind", fleet, f -> {
      synchronized (cached) {
        if (cached[0] < 0 || System.nanoTime() - cached[1] > 30_000_000_000L) {
          try {
            cached[0] = f.plan(MigrateTenantsUseCase.MigrateTenantsCommand.everyTenantBehind(1)).tenants().size();
            cached[1] = System.nanoTime();
          } catch (RuntimeException e) {
            return Double.NaN; // the database is unavailable: no figure rather than a wrong one
          }
        }
        return cached[0];
      }
    }).description("tenants behind this build's migration versions").register(registry);
  }

  /** The pool's connections by state ({@code crosslist.db.pool.connections}), read when the registry is scraped. */
  public static void poolGauges(PersistenceModule persistence, MeterRegistry registry) {
    Map<String, ToDoubleFunction<PersistenceModule>> states = Map.of(
        "active", m -> m.poolStatistics().active(), "idle", m -> m.poolStatistics().idle(),
        "total", m -> m.poolStatistics().total(), "maximum", m -> m.poolStatistics().maximum(),
        "waiting", m -> m.poolStatistics().waiting());
    states.forEach((state, value) -> Gauge.builder("crosslist.db.pool.connections", persistence, value)
        .tag("state", state).description("database connections by state, summed over the tenant lanes;"
            + " waiting: threads waiting for one").register(registry));
  }
}
