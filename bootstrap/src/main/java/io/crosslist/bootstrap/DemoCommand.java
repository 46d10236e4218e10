package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase;
import io.crosslist.application.product.port.in.ChangeProductStatusUseCase.ChangeProductStatusCommand;
import io.crosslist.application.product.port.in.CreateProductUseCase;
import io.crosslist.application.product.port.in.CreateProductUseCase.CreateProductCommand;
import io.crosslist.application.product.port.in.ListProductsUseCase;
import io.crosslist.application.tenant.ProvisionTenantUseCase;
import io.crosslist.domain.product.Money;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductDetails;
import io.crosslist.domain.Page;
import io.crosslist.domain.product.ProductSearch;
import io.crosslist.domain.product.ProductStatus;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning.ProvisioningResult;
import java.io.PrintWriter;
import io.crosslist.adapter.marketplace.SimulationSettings;
import io.crosslist.adapter.scheduler.JobWorkerPool;
import io.crosslist.adapter.scheduler.WorkerSettings;
import io.crosslist.application.job.port.in.EnqueueJobUseCase;
import io.crosslist.application.job.port.in.GetJobUseCase;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobRequest;
import io.crosslist.domain.job.MarketplaceJob;
import io.crosslist.domain.marketplace.Marketplace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Provisions a demo tenant, writes a few products, publishes one and prints the first page. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Provision a demo tenant, write and list products, print them.")
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOption database;

  @Mixin
  ConfigOption config;

  @Option(names = "--tenant", defaultValue = "1", description = "tenant (user) id, a positive integer (default: 1)")
  TenantId tenant;

  private static final List<ProductDetails> CATALOGUE = List.of(
      new ProductDetails("Nike Air Max 90, white", "Worn twice, original box.", Money.of("59.90", "EUR"), "nike",
          "womens-shoes", "very-good", "eu-38", "white", 1, List.of("https://img.example.com/airmax-1.jpg")),
      new ProductDetails("Levi's 501 jeans", "Classic fit.", Money.of("35.00", "EUR"), "levis", "mens-jeans", "good",
          "w32-l32", "blue", 1, List.of()),
      new ProductDetails("Patagonia Retro-X fleece", "", Money.of("120.00", "EUR"), "patagonia", "mens-jackets",
          "new-with-tags", "m", "beige", 2, List.of("https://img.example.com/retrox.jpg")));

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = database.openThrowaway();
        PersistenceModule persistence = new PersistenceModule(db.settings())) {
      out.println("database: " + db.description());
      // the simulated marketplaces, with a small eBay catalogue to import
      Injector injector = Guice.createInjector(persistence, CrosslistModule.builder()
          .simulations(SimulationSettings.INSTANT.withCatalogueSize(5)).build());

      ProvisioningResult provisioned = injector.getInstance(ProvisionTenantUseCase.class).provision(tenant);
      out.printf("%s: schema %s, version %d -> %d%s%n", tenant, tenant.schemaName(), provisioned.fromVersion(),
          provisioned.toVersion(), provisioned.noOp() ? " (already current)" : "");

      CreateProductUseCase create = injector.getInstance(CreateProductUseCase.class);
      Product first = null;
      for (ProductDetails details : CATALOGUE) {
        Product p = create.create(new CreateProductCommand(tenant, details));
        first = first == null ? p : first;
      }
      injector.getInstance(ChangeProductStatusUseCase.class).changeStatus(
          new ChangeProductStatusCommand(tenant, first.id(), ProductStatus.PUBLISHED, OptionalLong.of(0)));

      Page<Product> page = injector.getInstance(ListProductsUseCase.class).list(tenant, ProductSearch.firstPage());
      out.printf("%-6s %-32s %-10s %12s %-8s%n", "id", "title", "status", "price", "version");
      for (Product p : page.items()) {
        out.printf("%-6s %-32s %-10s %12s %-8d%n", p.id(), p.details().title(), p.status(), p.details().price(),
            p.version());
      }
      out.printf("%d products on the first page%s%n", page.items().size(),
          page.nextCursor().map(c -> ", more after cursor " + c.encode()).orElse(""));

      // marketplace jobs: publish the first product to Vinted, import the eBay catalogue; a worker runs them
      EnqueueJobUseCase enqueue = injector.getInstance(EnqueueJobUseCase.class);
      List<MarketplaceJob> jobs = List.of(
          enqueue.enqueue(tenant, JobRequest.of(Marketplace.VINTED, JobAction.PUBLISH, first.id())
              .withIdempotencyKey("demo-publish-" + first.id())),
          enqueue.enqueue(tenant, JobRequest.of(Marketplace.EBAY, JobAction.IMPORT_PRODUCTS, null)
              .withIdempotencyKey("demo-import")));
      GetJobUseCase getJob = injector.getInstance(GetJobUseCase.class);
      try (JobWorkerPool worker = new JobWorkerPool(WorkerSettings.defaults("demo").withTiming(Duration.ofSeconds(30),
          Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofSeconds(1),
          Duration.ofSeconds(5)), injector.getInstance(JobWorkerPool.Ports.class), new SimpleMeterRegistry()).start()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jobs.stream().anyMatch(j -> !getJob.get(tenant, j.id()).status().isTerminal())
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (MarketplaceJob job : jobs) {
        MarketplaceJob now = getJob.get(tenant, job.id());
        out.printf("job %s %s %s: %s%s%n", now.id(), now.marketplace(), now.action(), now.status(),
            now.result() == null ? "" : " " + now.result());
      }
      return 0;
    }
  }
}
