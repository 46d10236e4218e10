package io.crosslist.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.PersistenceModule;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantDirectory;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Which tenants have a connected account on marketplace M" (issue #4: under 100 ms at 10,000 tenants),
 * through {@link ConnectedTenantIndex} on the jobs benchmark's database of 10,000 registered tenants.
 * Half of the tenants get a connected account on each marketplace (written straight into the shared
 * index as a fixture). Measured: a scheduler's full walk in pages of 1,000, and single pages; the
 * baseline, in the same run, is the same walk over the tenant directory (the cheapest paged read of all
 * tenants). Run {@code JobsBenchmark} once first to create the database.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.crosslist.benchmarks.ConnectedTenantsBenchmark}
 */
public final class ConnectedTenantsBenchmark {
  private static final int PAGE = 1_000;
  private static final int REPEATS = 50;

  private ConnectedTenantsBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = BenchmarkDatabase.jdbcUrlFor(JobsBenchmark.DATABASE);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from crosslist.tenants")) {
      rs.next();
      System.out.printf("machine: %d cores; %,d registered tenants in %s%n",
          Runtime.getRuntime().availableProcessors(), rs.getLong(1), JobsBenchmark.DATABASE);
    }
    try (PersistenceModule module = new PersistenceModule(PersistenceSettings.forJdbcUrl(url).withMaximumPoolSize(2))) {
      Injector injector = Guice.createInjector(module);
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("delete from crosslist.connected_accounts");
        s.execute("insert into crosslist.connected_accounts (marketplace, tenant_id, connection_id)"
            + " select m, id, 1 from crosslist.tenants, unnest(array['VINTED', 'EBAY', 'ETSY']) m"
            + " where (id + length(m)) % 2 = 0");
        s.execute("analyze crosslist.connected_accounts");
      }
      ConnectedTenantIndex index = injector.getInstance(ConnectedTenantIndex.class);
      TenantDirectory directory = injector.getInstance(TenantDirectory.class);
      for (int warmUp = 0; warmUp < 5; warmUp++) {
        walk(index);
        walkDirectory(directory);
      }
      double[] walks = new double[REPEATS];
      double[] baselines = new double[REPEATS];
      double[] pages = new double[REPEATS];
      int found = 0;
      for (int i = 0; i < REPEATS; i++) {
        long t0 = System.nanoTime();
        found = walk(index);
        walks[i] = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        walkDirectory(directory);
        baselines[i] = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        index.tenantsConnectedTo(Marketplace.ETSY, TenantId.of(4_000), PAGE);
        pages[i] = (System.nanoTime() - t0) / 1e6;
      }
      System.out.printf(Locale.ROOT, "full walk of the %,d tenants connected to VINTED, pages of %,d: median %.2f ms,"
          + " p99 %.2f ms (target < 100 ms)%n", found, PAGE, percentile(walks, 50), percentile(walks, 99));
      System.out.printf(Locale.ROOT, "one page of %,d: median %.2f ms, p99 %.2f ms%n", PAGE, percentile(pages, 50),
          percentile(pages, 99));
      System.out.printf(Locale.ROOT, "baseline, the same walk over the tenant directory (all tenants): median %.2f ms;"
          + " ratio %.2f%n", percentile(baselines, 50), percentile(walks, 50) / percentile(baselines, 50));
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("delete from crosslist.connected_accounts");
      }
    }
  }

  private static int walk(ConnectedTenantIndex index) {
    int n = 0;
    TenantId after = null;
    List<TenantId> page;
    do {
      page = index.tenantsConnectedTo(Marketplace.VINTED, after, PAGE);
      n += page.size();
      after = page.isEmpty() ? after : page.get(page.size() - 1);
    } while (page.size() == PAGE);
    return n;
  }

  private static void walkDirectory(TenantDirectory directory) {
    Optional<TenantId> after = Optional.empty();
    List<TenantId> page;
    do {
      page = directory.activeTenants(after, PAGE);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
    } while (page.size() == PAGE);
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
