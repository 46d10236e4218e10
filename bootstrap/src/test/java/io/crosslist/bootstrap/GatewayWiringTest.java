package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.service.JobExecutionService;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobQueue.ClaimRequest;
import io.crosslist.domain.job.JobQueue.ClaimedJob;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.JobStatus;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.ExternalListing;
import io.crosslist.domain.marketplace.ListingRepository;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.marketplace.UnsupportedGateway;
import io.crosslist.domain.marketplace.MarketplaceListing;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductFixtures;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.library.CrosslistModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Gateways bound per marketplace through {@code CrosslistModule.builder()}, on the job path a worker runs: the bound
 * one is called, the others fall back to the simulated ones, and the start log says which is which.
 */
class GatewayWiringTest {
  private static final ClaimRequest CLAIM = new ClaimRequest(20, 20, 100, Duration.ofMinutes(5),
      io.crosslist.domain.marketplace.Marketplace.BUILT_IN);
  private final Persistence db = Persistence.get();

  /** Stands in for a host's real eBay client over HTTP: it records each call and answers as eBay would. */
  static final class AcmeEbayClient extends UnsupportedGateway {
    final List<String> created = new CopyOnWriteArrayList<>();

    AcmeEbayClient() {
      super(Marketplace.EBAY);
    }

    @Override
    public ExternalListing createListing(TenantId account, String idempotencyKey, Product product) {
      created.add(account + " " + product.details().title());
      return new ExternalListing("acme-" + created.size(), "https://ebay.acme.example/itm/" + created.size());
    }
  }

  @BeforeEach
  void setUp() {
    db.clearDispatchIndex();
  }

  /** The events of the {@code CrosslistModule} logger while {@code create} runs, and what it created. */
  private static <T> Logged<T> logged(Supplier<T> create) {
    Logger logger = (Logger) LoggerFactory.getLogger(CrosslistModule.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      return new Logged<>(create.get(), List.copyOf(events.list));
    } finally {
      logger.detachAppender(events);
    }
  }

  private record Logged<T>(T value, List<ILoggingEvent> events) {
    List<String> at(Level level) {
      return events.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private MarketplaceJob run(Injector injector, TenantId tenant, JobRequest request) throws InterruptedException {
    MarketplaceJob job = injector.getInstance(EnqueueJobUseCase.class).enqueue(tenant, request);
    JobExecutionService engine = injector.getInstance(JobExecutionService.class);
    for (int idle = 0; idle < 5; ) {
      List<ClaimedJob> claimed = engine.claim("gateways", CLAIM);
      idle = claimed.isEmpty() ? idle + 1 : 0;
      claimed.forEach(engine::run);
      Thread.sleep(claimed.isEmpty() ? 10 : 0);
    }
    return db.jobs.findById(tenant, job.id()).orElseThrow();
  }

  private Product draft(TenantId tenant, String title) {
    return db.products.add(tenant, Product.newDraft(ProductFixtures.detailsTitled(title), Instant.now()));
  }

  @Test
  void a_bound_gateway_is_called_by_the_job_path_and_unbound_marketplaces_fall_back_to_the_simulated_ones()
      throws Exception {
    AcmeEbayClient ebay = new AcmeEbayClient();
    Injector injector = db.injector.createChildInjector(CrosslistModule.builder().marketplace(ebay).build());
    ListingRepository listings = injector.getInstance(ListingRepository.class);
    TenantId tenant = db.newTenant();
    Product jacket = draft(tenant, "Barbour jacket");

    MarketplaceJob onEbay = run(injector, tenant, JobRequest.of(Marketplace.EBAY, JobAction.PUBLISH, jacket.id()));
    MarketplaceJob onVinted = run(injector, tenant, JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH,
        jacket.id()));

    assertEquals(JobStatus.COMPLETED, onEbay.status(), onEbay.lastError());
    assertEquals(List.of(tenant + " Barbour jacket"), ebay.created, "the bound client was called, once");
    MarketplaceListing ebayListing = listings.find(tenant, jacket.id(), Marketplace.EBAY).orElseThrow();
    assertEquals("acme-1", ebayListing.externalId());
    assertEquals("https://ebay.acme.example/itm/1", ebayListing.url());
    assertEquals(JobStatus.COMPLETED, onVinted.status(), onVinted.lastError());
    MarketplaceListing vintedListing = listings.find(tenant, jacket.id(), Marketplace.VINTED).orElseThrow();
    assertTrue(vintedListing.url().contains(".simulated.invalid/"), "Vinted was simulated: " + vintedListing.url());
  }

  @Test
  void the_start_log_names_real_and_simulated_gateways_and_warns_when_they_are_mixed() {
    Logged<Injector> mixed = logged(() -> db.injector.createChildInjector(
        CrosslistModule.builder().marketplace(new AcmeEbayClient()).build()));

    assertEquals(List.of("gateways: marketplace VINTED=simulated EBAY=real(AcmeEbayClient) ETSY=simulated; oauth "
        + "EBAY=simulated ETSY=simulated; conversations VINTED=simulated EBAY=simulated ETSY=simulated; keep-alive"
        + " VINTED=simulated"), mixed.at(Level.INFO));
    assertEquals(1, mixed.at(Level.WARN).size(), mixed.events().toString());
    assertTrue(mixed.at(Level.WARN).get(0).contains(": marketplace VINTED, ETSY; oauth EBAY, ETSY;"
        + " conversations VINTED, EBAY, ETSY; keep-alive VINTED;"),
        mixed.at(Level.WARN).get(0));

    Logged<Injector> demo = logged(() -> db.injector.createChildInjector(new CrosslistModule()));
    assertEquals(List.of("gateways: marketplace VINTED=simulated EBAY=simulated ETSY=simulated; oauth EBAY=simulated "
        + "ETSY=simulated; conversations VINTED=simulated EBAY=simulated ETSY=simulated; keep-alive VINTED=simulated"),
        demo.at(Level.INFO));
    assertEquals(List.of(), demo.at(Level.WARN), "only simulations (a demo, crosslist serve): no warning");
  }

  @Test
  void without_simulations_an_unbound_marketplace_has_no_handler_and_its_jobs_are_refused_at_enqueue() {
    Logged<Injector> wired = logged(() -> db.injector.createChildInjector(
        CrosslistModule.builder().marketplace(new AcmeEbayClient()).withoutSimulations().build()));
    assertEquals(List.of("gateways: marketplace EBAY=real(AcmeEbayClient); oauth none; conversations none; "
        + "keep-alive none"), wired.at(Level.INFO));
    assertEquals(List.of(), wired.at(Level.WARN));
    TenantId tenant = db.newTenant();
    Product product = draft(tenant, "Levi's 501");

    ValidationException refused = assertThrows(ValidationException.class, () -> wired.value()
        .getInstance(EnqueueJobUseCase.class).enqueue(tenant, JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH,
            product.id())));
    assertTrue(refused.getMessage().contains("no handler serves VINTED PUBLISH"), refused.getMessage());
  }

  @Test
  void binding_two_gateways_for_one_marketplace_is_refused_naming_both() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrosslistModule.builder()
        .marketplace(new AcmeEbayClient()).marketplace(new AcmeEbayClient()).build());
    assertEquals("two marketplace gateways for EBAY: " + AcmeEbayClient.class.getName() + " and "
        + AcmeEbayClient.class.getName(), e.getMessage());
  }
}
