package io.crosslist.adapter.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How Crosslist reaches PostgreSQL. Only the JDBC URL is required; the rest has defaults. Checked
 * when built: a bad value fails with the setting's name and the rule it breaks.
 *
 * <pre>{@code
 * PersistenceSettings settings = PersistenceSettings.forJdbcUrl("jdbc:postgresql://db:5432/crosslist")
 *     .withCredentials("crosslist", secret)
 *     .withMaximumPoolSize(20);
 * }</pre>
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL
 * @param username login role; null to take it from the URL
 * @param password its password; null to take it from the URL (or for trust authentication)
 * @param maximumPoolSize connections in the pool, 1 to 1,000 (default 10)
 * @param connectionTimeout how long a caller waits for a pooled connection, 250 ms to 10 min (default 10 s)
 * @param migrateOnStart whether opening the pool brings the shared schema to the newest version (default true)
 * @param connectionsPerTenant how many pooled connections one tenant's statements may use at once, 1 to
 *     1,000 (default 4): the pool is split into lanes of about this size and a tenant always uses its
 *     own lane, so each PostgreSQL backend keeps a small, warm set of tenant schemas (prepared
 *     statements, plans, catalog caches) instead of every schema; it also keeps one busy tenant from
 *     taking every connection. A value of {@code maximumPoolSize} or more turns lanes off.
 * @param secretKeyset the Tink AEAD keyset (JSON) that encrypts marketplace credentials at rest; null when
 *     none is configured, and then storing or reading a connection fails with a message saying so
 * @param hostTracks the host's tenant migration tracks, applied to every tenant after Crosslist's own
 *     ({@link #withTenantTrack}); names are unique and none is {@code crosslist}
 * @param migrationLockTimeout how long a tenant migration's statement waits for a lock before its tenant's
 *     attempt is rolled back and tried again, 10 ms to 1 min (default 2 s): a busy tenant table is never
 *     blocked longer than this by a migration
 * @param hostMappers the host's MyBatis mapper interfaces ({@link #withMapper}), for its own tenant tables
 * @param pooler what stands between Crosslist and PostgreSQL (default {@link Pooler#NONE}); see {@link Pooler}
 * @param citus whether each new tenant schema is distributed with Citus's schema-based sharding (default
 *     {@link CitusSchemas.Mode#OFF}); see {@link CitusSchemas}
 */
public record PersistenceSettings(String jdbcUrl, String username, String password, int maximumPoolSize,
    Duration connectionTimeout, boolean migrateOnStart, int connectionsPerTenant, String secretKeyset,
    List<MigrationTrack> hostTracks, Duration migrationLockTimeout, List<Class<?>> hostMappers, Pooler pooler,
    CitusSchemas.Mode citus) {

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_CONNECTIONS_PER_TENANT = 4;
  public static final Duration DEFAULT_MIGRATION_LOCK_TIMEOUT = Duration.ofSeconds(2);

  public PersistenceSettings {
    List<String> problems = new ArrayList<>();
    hostTracks = List.copyOf(hostTracks);
    hostMappers = List.copyOf(hostMappers);
    if (pooler == null) {
      problems.add("pooler: is required (NONE or TRANSACTION)");
    }
    if (citus == null) {
      problems.add("citus: is required (OFF or DISTRIBUTE)");
    }
    for (Class<?> mapper : hostMappers) {
      if (!mapper.isInterface()) {
        problems.add("hostMappers: " + mapper.getName() + " is not an interface (a MyBatis mapper is one)");
      }
    }
    if (hostMappers.stream().distinct().count() != hostMappers.size()) {
      problems.add("hostMappers: a mapper is registered twice: " + hostMappers.stream().map(Class::getName).toList());
    }
    java.util.Set<String> names = new java.util.HashSet<>(java.util.Set.of(MigrationTrack.CROSSLIST));
    for (MigrationTrack track : hostTracks) {
      if (!names.add(track.name())) {
        problems.add("hostTracks: the track name '" + track.name() + "' is taken" + (track.name().equals(
            MigrationTrack.CROSSLIST) ? " by Crosslist's own track" : " by another track"));
      }
    }
    if (migrationLockTimeout == null || migrationLockTimeout.compareTo(Duration.ofMillis(10)) < 0
        || migrationLockTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
      problems.add("migrationLockTimeout: must be between 10ms and 1m, got " + migrationLockTimeout);
    }
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      problems.add("jdbcUrl: is required");
    } else if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      problems.add("jdbcUrl: must start with jdbc:postgresql: (Crosslist runs on PostgreSQL only)");
    }
    if (maximumPoolSize < 1 || maximumPoolSize > 1_000) {
      problems.add("maximumPoolSize: must be between 1 and 1000, got " + maximumPoolSize);
    }
    if (connectionTimeout == null
        || connectionTimeout.compareTo(Duration.ofMillis(250)) < 0
        || connectionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.add("connectionTimeout: must be between 250ms and 10m, got " + connectionTimeout);
    }
    if (connectionsPerTenant < 1 || connectionsPerTenant > 1_000) {
      problems.add("connectionsPerTenant: must be between 1 and 1000, got " + connectionsPerTenant);
    }
    if (secretKeyset != null) {
      try {
        TinkSecretCipher.fromJsonKeyset(secretKeyset);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid persistence settings: " + String.join("; ", problems));
    }
  }

  public static PersistenceSettings forJdbcUrl(String jdbcUrl) {
    return new PersistenceSettings(jdbcUrl, null, null, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, true,
        DEFAULT_CONNECTIONS_PER_TENANT, null, List.of(), DEFAULT_MIGRATION_LOCK_TIMEOUT, List.of(), Pooler.NONE,
        CitusSchemas.Mode.OFF);
  }

  public PersistenceSettings withCredentials(String user, String secret) {
    return new PersistenceSettings(jdbcUrl, Objects.requireNonNull(user, "user"), secret, maximumPoolSize,
        connectionTimeout, migrateOnStart, connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  public PersistenceSettings withMaximumPoolSize(int size) {
    return new PersistenceSettings(jdbcUrl, username, password, size, connectionTimeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  public PersistenceSettings withConnectionTimeout(Duration timeout) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, timeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  public PersistenceSettings withMigrateOnStart(boolean migrate) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrate,
        connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  public PersistenceSettings withConnectionsPerTenant(int connections) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connections, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  /** The Tink AEAD keyset, in Tink's JSON format, that encrypts credentials at rest (see {@link TinkSecretCipher}). */
  public PersistenceSettings withSecretKeyset(String keysetJson) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connectionsPerTenant, Objects.requireNonNull(keysetJson, "keysetJson"), hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  /**
   * These settings with one more host migration track, applied to every tenant after Crosslist's own and the
   * host's earlier ones: its tables are created for new tenants and added to existing ones by
   * {@code crosslist tenants migrate} (or {@link io.crosslist.domain.tenant.TenantMigration}).
   */
  public PersistenceSettings withTenantTrack(MigrationTrack track) {
    List<MigrationTrack> all = new ArrayList<>(hostTracks);
    all.add(Objects.requireNonNull(track, "track"));
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, all, migrationLockTimeout, hostMappers, pooler, citus);
  }

  /**
   * These settings with one more host mapper: a MyBatis mapper interface (annotated statements, an XML file of the
   * same name beside it, or both) over the host's own tenant tables. Its statements are written with
   * {@code ${tenant}.table}, take {@code @Param("tenant") TenantId tenant}, and run through Crosslist's tenant
   * rendering, fail-closed connections, tenant lanes and unit of work: call them with
   * {@link TenantMappers}. They are checked when the module starts: a {@code ${...}} other than
   * {@code ${tenant}}, or a tenant table named without {@code ${tenant}.}, stops the start with the statement named.
   */
  public PersistenceSettings withMapper(Class<?> mapper) {
    List<Class<?>> all = new ArrayList<>(hostMappers);
    all.add(Objects.requireNonNull(mapper, "mapper"));
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, all, pooler, citus);
  }

  /**
   * These settings for a connection through {@code pooler}: with {@link Pooler#TRANSACTION} (PgBouncer's transaction
   * pooling), Crosslist sends no startup parameter a pooler refuses, prepares nothing on the server, keeps the
   * fail-closed {@code search_path} and the plan cache mode as the role's defaults in the database, and uses no
   * tenant lanes.
   */
  public PersistenceSettings withPooler(Pooler pooler) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, citus);
  }

  /**
   * These settings with Citus's schema-based sharding: {@link CitusSchemas.Mode#DISTRIBUTE} distributes each new
   * tenant schema ({@code citus_schema_distribute}) and makes the shared tables that tenant SQL reads reference
   * tables, when the {@code citus} extension is present in the database; without it the option is inactive
   * (logged at start).
   */
  public PersistenceSettings withCitus(CitusSchemas.Mode mode) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, hostTracks, migrationLockTimeout, hostMappers, pooler, mode);
  }

  public PersistenceSettings withMigrationLockTimeout(Duration timeout) {
    return new PersistenceSettings(jdbcUrl, username, password, maximumPoolSize, connectionTimeout, migrateOnStart,
        connectionsPerTenant, secretKeyset, hostTracks, timeout, hostMappers, pooler, citus);
  }

  /** Every tenant track in the order it is applied: Crosslist's own, then the host's. */
  public List<MigrationTrack> tenantTracks() {
    List<MigrationTrack> all = new ArrayList<>();
    all.add(MigrationTrack.crosslist());
    all.addAll(hostTracks);
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    // never print the password or the keyset
    return "PersistenceSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", maximumPoolSize="
        + maximumPoolSize + ", connectionTimeout=" + connectionTimeout + ", migrateOnStart=" + migrateOnStart
        + ", connectionsPerTenant=" + connectionsPerTenant + ", secretKeyset=" + (secretKeyset == null ? "none" : "set")
        + ", hostTracks=" + hostTracks.stream().map(MigrationTrack::name).toList() + ", migrationLockTimeout="
        + migrationLockTimeout + ", pooler=" + pooler + ", citus=" + citus + ", hostMappers=" + hostMappers.stream().map(Class::getSimpleName).toList() + "]";
  }
}
