package io.crosslist.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.domain.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway baseline, the way schema-per-tenant users run it: one Flyway instance per tenant schema
 * ({@code schemas("user_N")}, its own history table there), over copies of Crosslist's tenant scripts with
 * {@code ${tenant}} as a Flyway placeholder. Each migration runs in its own transaction (Flyway's default).
 */
final class FlywayFleet implements AutoCloseable {
  private final HikariDataSource pool;
  private final Path scripts;
  private final Path benchScripts;
  /** Flyway's workers hold nothing of their own: each tenant takes its connections from the pool. */
  private final FleetWorkers<AutoCloseable> workers;

  /** A pool of {@code 2 x parallel} connections (Flyway may hold two per migration) and the script copies. */
  FlywayFleet(ScratchDatabase database, int parallel, MigrationTrack crosslist, MigrationTrack bench)
      throws Exception {
    Path copies = Files.createTempDirectory("flyway-tenant-scripts");
    this.scripts = TenantDdl.flywayCopy(crosslist, copies.resolve("crosslist"), 0);
    // the benchmark's additive migration comes after Crosslist's scripts: V11 and up
    this.benchScripts = TenantDdl.flywayCopy(bench, copies.resolve("bench"), crosslist.latest());
    HikariConfig config = new HikariConfig();
    config.setPoolName("flyway");
    config.setJdbcUrl(database.jdbcUrl());
    config.setMaximumPoolSize(2 * parallel);
    config.addDataSourceProperty("ApplicationName", "flyway");
    this.workers = new FleetWorkers<>(parallel, index -> () -> { });
    this.pool = new HikariDataSource(config);
  }

  /** Creates {@code tenants} with Crosslist's tenant scripts, {@code parallel} schemas at a time. */
  void provision(List<TenantId> tenants, FleetTimeline timeline) throws Exception {
    workers.run(tenants, timeline, (none, tenant) -> migrate(tenant, scripts));
  }

  /** Applies the additive migration to {@code tenants}, {@code parallel} schemas at a time. */
  void migrate(List<TenantId> tenants, FleetTimeline timeline) throws Exception {
    workers.run(tenants, timeline, (none, tenant) -> migrate(tenant, scripts, benchScripts));
  }

  private void migrate(TenantId tenant, Path... locations) {
    String[] where = new String[locations.length];
    for (int i = 0; i < locations.length; i++) {
      where[i] = "filesystem:" + locations[i];
    }
    MigrateResult result = Flyway.configure()
        .dataSource(pool)
        .schemas(tenant.schemaName())
        .locations(where)
        .placeholders(Map.of("tenant", TenantSqlRenderer.quotedSchema(tenant)))
        .load()
        .migrate();
    if (!result.success) {
      throw new IllegalStateException("Flyway failed for " + tenant + ": " + result.warnings);
    }
  }

  @Override
  public void close() throws Exception {
    workers.close();
    pool.close();
  }
}
