package io.crosslist.application.job.handler;

import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.Violations;
import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobProgress;
import io.crosslist.domain.job.MarketplaceTask;
import io.crosslist.domain.job.MarketplaceTaskRepository;
import io.crosslist.domain.job.TaskStatus;
import io.crosslist.domain.marketplace.CataloguePage;
import io.crosslist.domain.marketplace.MarketplaceGateway;
import io.crosslist.domain.product.Product;
import io.crosslist.domain.product.ProductRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * IMPORT_PRODUCTS (the eBay catalogue import): creates a draft product per catalogue item, page by
 * page. Each page is one step ({@link MarketplaceTask}) stored in the same transaction as its products,
 * so a job that runs again resumes after the last imported page and never imports an item twice.
 * Progress is reported every {@code progressEvery} items (at page ends).
 */
public final class CatalogueImportHandler extends MarketplaceHandler {
  private final ProductRepository products;
  private final MarketplaceTaskRepository tasks;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final int pageSize;
  private final int progressEvery;

  public CatalogueImportHandler(MarketplaceGateway gateway, ProductRepository products, MarketplaceTaskRepository tasks,
      UnitOfWork unitOfWork, Clock clock, int pageSize, int progressEvery) {
    super(gateway, JobAction.IMPORT_PRODUCTS);
    new Violations()
        .require(pageSize >= 1 && pageSize <= 200, "pageSize", "must be between 1 and 200")
        .require(progressEvery >= 1, "progressEvery", "must be 1 or more")
        .throwIfAny();
    this.products = Objects.requireNonNull(products, "products");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pageSize = pageSize;
    this.progressEvery = progressEvery;
  }

  @Override
  JobOutcome run(JobContext context) {
    List<MarketplaceTask> done = tasks.steps(context.tenant(), context.job().id());
    int page = done.stream().filter(t -> t.status() == TaskStatus.COMPLETED).mapToInt(MarketplaceTask::position)
        .max().orElse(0);
    int imported = page * pageSize; // every page before the last is full
    int lastReported = imported;
    while (true) {
      if (context.cancellation().isCancelled()) {
        return JobOutcome.cancelled();
      }
      int next = page + 1;
      CataloguePage items = gateway.catalogue(context.tenant(), next, pageSize);
      unitOfWork.inTransaction(context.tenant(), () -> {
        Instant now = clock.instant();
        for (CataloguePage.Item item : items.items()) {
          products.add(context.tenant(), Product.newDraft(item.details(), now));
        }
        tasks.save(context.tenant(), new MarketplaceTask(context.job().id(), next, "import page " + next,
            TaskStatus.COMPLETED, JsonText.object().with("imported", items.items().size()).toString(), now));
        return null;
      });
      page = next;
      imported += items.items().size();
      if (imported - lastReported >= progressEvery || items.last()) {
        context.progress().report(new JobProgress(imported, Math.max(imported, items.total()),
            "imported " + imported + " of " + items.total()));
        lastReported = imported;
      }
      if (items.last()) {
        return JobOutcome.success(JsonText.object().with("imported", imported).with("pages", page).toString());
      }
    }
  }
}
