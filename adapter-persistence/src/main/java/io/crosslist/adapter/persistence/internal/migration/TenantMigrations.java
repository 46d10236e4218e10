package io.crosslist.adapter.persistence.internal.migration;

import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.adapter.persistence.internal.tenancy.PostgresErrors;
import io.crosslist.application.port.out.DatabaseUnavailableException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantMigration;
import io.crosslist.domain.tenant.TenantProvisioning;
import io.crosslist.domain.tenant.TenantStatus;
import io.crosslist.domain.tenant.UnknownTenantException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one migration runner of tenant schemas: creates a tenant with every track's scripts, brings an existing
 * one to this build's versions, and records versions and checksums per tenant and track in the shared schema.
 *
 * <p>A new tenant costs one round trip: its registry row, its schema, every track's scripts and the
 * bookkeeping go to PostgreSQL as one multi-statement text, which runs as one implicit transaction (a failure
 * leaves nothing behind). An existing tenant is migrated in its own transaction under a short
 * {@code lock_timeout}, so a busy tenant table is never blocked for long: a migration that cannot get its lock
 * in time is rolled back and tried again with backoff.
 */
public final class TenantMigrations implements TenantProvisioning, TenantMigration {
  private static final Logger LOG = LoggerFactory.getLogger(TenantMigrations.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String DUPLICATE_SCHEMA = "42P06";
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String DEADLOCK = "40P01";
  private static final String SERIALIZATION = "40001";
  /**
   * Raised by the guard of the one-round-trip migration ({@code crosslist.require_applied_migrations}, shared V10)
   * when a tenant's applied scripts are not the expected.
   */
  private static final String NOT_AS_EXPECTED = "CLM01";

  private final DataSource dataSource;
  /** A tenant's connection: its lane's in the service, so a fleet migration spreads over every lane. */
  private final TenantConnections tenantConnections;

  /** Where a tenant's migration gets its connection. */
  @FunctionalInterface
  public interface TenantConnections {
    Connection forTenant(TenantId tenant) throws SQLException;
  }
  private final List<MigrationTrack> tracks;
  private final TenantScripts scripts;
  private final TenantRegistry registry;
  private final Duration lockTimeout;
  private final int attempts;
  /**
   * The applied scripts (track, version, checksum) of the last tenant migrated the long way: in a fleet
   * migration most tenants are where the previous one was, so the next is tried in one round trip on that
   * assumption, which the database checks before anything runs.
   */
  private volatile Applied lastApplied;

  /** A tenant's applied scripts (track, version, checksum) and the digest the guard compares them by. */
  private record Applied(Map<String, Map<Integer, String>> scripts, String digest) {
    Applied(Map<String, Map<Integer, String>> scripts) {
      this(scripts, TenantScripts.appliedDigest(scripts));
    }
  }

  /**
   * @param tracks Crosslist's track first, then the host's, in the order they are applied
   * @param lockTimeout how long one migration statement waits for a lock before the tenant's attempt is retried
   * @param attempts attempts per tenant (1 or more) when locks are not available in time
   */
  public TenantMigrations(DataSource dataSource, List<MigrationTrack> tracks, Duration lockTimeout, int attempts) {
    this(dataSource, tenant -> dataSource.getConnection(), tracks, lockTimeout, attempts);
  }

  /**
   * @param dataSource for registry queries
   * @param tenantConnections for one tenant's provisioning or migration (the tenant's lane)
   */
  public TenantMigrations(DataSource dataSource, TenantConnections tenantConnections, List<MigrationTrack> tracks,
      Duration lockTimeout, int attempts) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.tenantConnections = Objects.requireNonNull(tenantConnections, "tenantConnections");
    this.tracks = List.copyOf(tracks);
    this.scripts = new TenantScripts(this.tracks);
    this.registry = new TenantRegistry(dataSource, this.tracks);
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    this.attempts = attempts;
    if (this.tracks.stream().map(MigrationTrack::name).distinct().count() != this.tracks.size()) {
      throw new IllegalArgumentException("two migration tracks have the same name: " + this.tracks.stream()
          .map(MigrationTrack::name).toList());
    }
  }

  public List<MigrationTrack> tracks() {
    return tracks;
  }

  @Override
  public Map<String, Integer> versions() {
    Map<String, Integer> latest = new LinkedHashMap<>();
    tracks.forEach(t -> latest.put(t.name(), t.latest()));
    return latest;
  }

  /**
   * Creates {@code tenant} with every track, or, when it exists, brings it to this build's versions.
   * The common case, a new tenant, is one round trip.
   */
  @Override
  public ProvisioningResult provision(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection c = tenantConnections.forTenant(tenant); Statement st = ConnectionPool.oneShot(c)) {
      st.execute(newTenantScript(tenant));
      LOG.info("{} provisioned: schema version 0 -> {}", tenant, latestOf(MigrationTrack.CROSSLIST));
      return new ProvisioningResult(tenant, true, 0, latestOf(MigrationTrack.CROSSLIST),
          tracks.stream().mapToInt(t -> t.scripts().size()).sum());
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !DUPLICATE_SCHEMA.equals(e.getSQLState())) {
        throw failure("provisioning " + tenant, e);
      }
    }
    return migrate(tenant); // it exists: bring it up to date
  }

  /** Brings an existing {@code tenant} to this build's versions of every track, retrying when locks are busy. */
  @Override
  public ProvisioningResult migrate(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    for (int attempt = 1; ; attempt++) {
      try {
        return migrateOnce(tenant);
      } catch (SQLException e) {
        boolean retryable = LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState())
            || SERIALIZATION.equals(e.getSQLState());
        if (!retryable || attempt >= attempts) {
          throw failure("migrating " + tenant + (retryable ? " (" + attempt + " attempts, locks busy)" : ""), e);
        }
        LOG.info("{}: migration attempt {} could not get its locks within {} ms; trying again", tenant, attempt,
            lockTimeout.toMillis());
        sleep(backoff(attempt));
      }
    }
  }

  private ProvisioningResult migrateOnce(TenantId tenant) throws SQLException {
    Applied expected = lastApplied;
    if (expected != null) {
      try {
        return migrateAsExpected(tenant, expected);
      } catch (SQLException e) {
        if (!NOT_AS_EXPECTED.equals(e.getSQLState())) {
          throw e;
        }
        // this tenant is elsewhere (or not registered): the long way reads where it is
      }
    }
    return migrateAfterReading(tenant);
  }

  /**
   * One round trip: the transaction-local lock timeout, the tenant's lock, a guard that the tenant's applied
   * scripts are exactly {@code expected} (else error {@value #NOT_AS_EXPECTED} and nothing ran), then the
   * pending scripts and their records, as one multi-statement text (one implicit transaction).
   */
  private ProvisioningResult migrateAsExpected(TenantId tenant, Applied expected) throws SQLException {
    List<String> appliedNow = new ArrayList<>();
    String pending = scripts.pending(tenant, expected.scripts(), appliedNow);
    try (Connection c = tenantConnections.forTenant(tenant); Statement st = ConnectionPool.oneShot(c)) {
      st.execute(migrationSettingsSql() + ";\n" + MigrationTransaction.tenantLock(tenant, false) + ";\n"
          + TenantScripts.appliedGuard(tenant, expected.digest()) + ";\n" + pending);
    }
    if (!appliedNow.isEmpty()) {
      LOG.info("{} migrated: {}", tenant, String.join(", ", appliedNow));
    }
    int from = crosslistVersion(expected.scripts());
    return new ProvisioningResult(tenant, false, from, appliedNow.isEmpty() ? from : latestOf(MigrationTrack.CROSSLIST),
        appliedNow.size());
  }

  /** Reads the tenant's applied scripts under its lock, then runs what is pending: the first tenant's way. */
  private ProvisioningResult migrateAfterReading(TenantId tenant) throws SQLException {
    List<String> appliedNow = new ArrayList<>();
    int[] from = {0};
    try (Connection c = tenantConnections.forTenant(tenant)) {
      MigrationTransaction.run(c, (connection, st) -> {
        // transaction-scoped settings and lock: nothing outlives the transaction, also behind a pooler
        st.execute(migrationSettingsSql() + "; " + MigrationTransaction.tenantLock(tenant, false));
        Map<String, Map<Integer, String>> applied = TenantRegistry.applied(connection, tenant);
        if (applied == null) {
          throw new UnknownTenantException(tenant);
        }
        from[0] = crosslistVersion(applied);
        String pending = scripts.pending(tenant, applied, appliedNow);
        if (!pending.isEmpty()) {
          st.execute(pending);
        }
        lastApplied = new Applied(applied);
        return null;
      });
    }
    if (!appliedNow.isEmpty()) {
      LOG.info("{} migrated: {}", tenant, String.join(", ", appliedNow));
    }
    int to = appliedNow.isEmpty() ? from[0] : latestOf(MigrationTrack.CROSSLIST);
    return new ProvisioningResult(tenant, false, from[0], to, appliedNow.size());
  }

  /**
   * The migration transaction's own settings. {@code lock_timeout}: a busy tenant table is never blocked long.
   * {@code synchronous_commit = off}: the commit does not wait for its WAL to reach the disk (a fleet migration's
   * time is mostly that wait). It is safe for a migration, and only for it: the migration is atomic, so a database
   * crash can only take it back whole, leaving the tenant behind in the registry, where the next fleet pass or
   * on-demand migration finds it; and every later synchronous commit (any write that uses the new schema) flushes
   * the WAL up to and with it. Provisioning keeps synchronous commits: a created tenant is acknowledged to a caller.
   */
  private String migrationSettingsSql() {
    return "select set_config('lock_timeout', '" + lockTimeout.toMillis() + "ms', true),"
        + " set_config('synchronous_commit', 'off', true)";
  }

  private static int crosslistVersion(Map<String, Map<Integer, String>> applied) {
    return applied.getOrDefault(MigrationTrack.CROSSLIST, Map.of()).keySet().stream()
        .mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * One query over the registry: a tenant is behind when some track has no row for it at this build's version
   * (the primary key of {@code tenant_tracks} answers each probe; no tenant schema is read).
   */
  @Override
  public List<TenantId> behind(Optional<TenantId> after, int limit) {
    return registry.behind(after, limit);
  }

  @Override
  public boolean isCurrent(TenantId tenant) {
    return registry.isCurrent(tenant);
  }

  /** The text that creates a new tenant: registry row, schema, every track's scripts and their records. */
  public String newTenantScript(TenantId tenant) {
    return scripts.newTenant(tenant, versions(), TenantStatus.ACTIVE);
  }

  /** See {@link TenantScripts#newTenant}: a tenant created at the given versions (an archive's). */
  public String newTenantScript(TenantId tenant, Map<String, Integer> at, TenantStatus status) {
    return scripts.newTenant(tenant, at, status);
  }

  /** See {@link TenantScripts#upgrade}: what {@link #migrate} would run on a tenant created at {@code from}. */
  public String upgradeScript(TenantId tenant, Map<String, Integer> from, List<String> appliedNow) {
    return scripts.upgrade(tenant, from, appliedNow);
  }

  private int latestOf(String track) {
    return tracks.stream().filter(t -> t.name().equals(track)).mapToInt(MigrationTrack::latest).findFirst().orElse(0);
  }

  public static RuntimeException failure(String what, SQLException e) {
    DatabaseUnavailableException unavailable = PostgresErrors.unavailable(e);
    return unavailable != null ? unavailable : new IllegalStateException(what + " failed: " + e.getMessage(), e);
  }

  private static Duration backoff(int attempt) {
    long base = 100L << Math.min(attempt, 6); // 200 ms, 400 ms, 800 ms, ...
    return Duration.ofMillis(base + java.util.concurrent.ThreadLocalRandom.current().nextLong(base));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a tenant migration", e);
    }
  }
}
