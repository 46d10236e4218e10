package io.crosslist.adapter.persistence;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.application.port.out.UnitOfWork;
import io.crosslist.domain.product.ProductRepository;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The adapter as an embedder sees it, built once per test JVM on {@link TestDatabase}, plus fresh
 * tenants: each call of {@link #newTenant()} provisions a tenant no other test uses.
 */
public final class Persistence {
  private static Persistence instance;
  private static final AtomicLong NEXT_TENANT = new AtomicLong(1_000);

  public final Injector injector;
  public final ProductRepository products;
  public final UnitOfWork unitOfWork;
  public final TenantProvisioning provisioning;
  public final TenantDirectory directory;
  public final io.crosslist.domain.job.MarketplaceJobRepository jobs;
  public final io.crosslist.domain.job.BatchRepository batches;
  public final io.crosslist.domain.job.JobQueue queue;
  public final io.crosslist.domain.job.JobJournal journal;
  public final io.crosslist.domain.job.MarketplaceTaskRepository tasks;

  private Persistence(Injector injector) {
    this.injector = injector;
    this.products = injector.getInstance(ProductRepository.class);
    this.unitOfWork = injector.getInstance(UnitOfWork.class);
    this.provisioning = injector.getInstance(TenantProvisioning.class);
    this.directory = injector.getInstance(TenantDirectory.class);
    this.jobs = injector.getInstance(io.crosslist.domain.job.MarketplaceJobRepository.class);
    this.batches = injector.getInstance(io.crosslist.domain.job.BatchRepository.class);
    this.queue = injector.getInstance(io.crosslist.domain.job.JobQueue.class);
    this.journal = injector.getInstance(io.crosslist.domain.job.JobJournal.class);
    this.tasks = injector.getInstance(io.crosslist.domain.job.MarketplaceTaskRepository.class);
  }

  public static synchronized Persistence get() {
    if (instance == null) {
      PersistenceModule module = new PersistenceModule(TestDatabase.get().settings().withMaximumPoolSize(8));
      instance = new Persistence(Guice.createInjector(module));
      Runtime.getRuntime().addShutdownHook(new Thread(module::close));
    }
    return instance;
  }

  /** A tenant id nobody has used in this run (not provisioned). */
  public static TenantId unusedTenant() {
    return TenantId.of(NEXT_TENANT.incrementAndGet());
  }

  /**
   * Empties the shared dispatch index, so that a test of the engine claims only its own jobs. Test
   * classes run one after another; jobs earlier classes left waiting are simply no longer claimable.
   */
  public void clearDispatchIndex() {
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("delete from crosslist.job_dispatch");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts one waiting job as a claim would, whatever other tenants wait: leases its entry to {@code worker}
   * (the statement the claim ends with, for this one entry) and runs the queue's start. Jobs start only
   * through the queue, so tests that need a RUNNING job use this.
   */
  public io.crosslist.domain.job.MarketplaceJob start(TenantId tenant, io.crosslist.domain.job.MarketplaceJob job,
      String worker) {
    java.time.Instant startedAt;
    try (java.sql.Connection c = TestDatabase.get().connect(); java.sql.PreparedStatement ps = c.prepareStatement(
        "update crosslist.job_dispatch set lease_owner = ?, lease_until = now() + interval '5 minutes',"
            + " attempt_started_at = now() where tenant_id = ? and job_id = ? and lease_owner is null"
            + " returning attempt_started_at")) {
      ps.setString(1, worker);
      ps.setLong(2, tenant.value());
      ps.setLong(3, job.id().value());
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("job " + job.id() + " of " + tenant + " is not waiting");
        }
        startedAt = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    List<io.crosslist.domain.job.JobQueue.ClaimedJob> started = queue.start(worker, tenant,
        List.of(new io.crosslist.domain.job.JobQueue.Lease(tenant, job.id(), job.marketplace(), startedAt)));
    if (started.size() != 1) {
      throw new IllegalStateException("job " + job.id() + " of " + tenant + " did not start");
    }
    return started.get(0).job();
  }

  /** A freshly provisioned tenant. */
  public TenantId newTenant() {
    TenantId tenant = unusedTenant();
    provisioning.provision(tenant);
    return tenant;
  }
}
