package io.crosslist.bootstrap;

import io.crosslist.adapter.persistence.CitusSchemas;
import io.crosslist.adapter.persistence.Pooler;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The database options every command that needs a database shares (a picocli mixin). */
final class DatabaseOption {

  @Option(names = "--jdbc-url", description = "PostgreSQL JDBC URL (default: $CROSSLIST_JDBC_URL; when unset, an"
      + " embedded PostgreSQL in --data-dir)")
  String jdbcUrl;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory of the embedded PostgreSQL used"
      + " when no --jdbc-url is set; it survives restarts (default: $CROSSLIST_DATA_DIR, else ~/.crosslist/postgres)")
  Path dataDir;

  @Option(names = "--secret-keyset", description = "Tink keyset (JSON, or @file) that encrypts marketplace credentials"
      + " (default: $CROSSLIST_SECRET_KEYSET; when unset, credentials cannot be stored)")
  String secretKeyset;

  /** What stands between Crosslist and PostgreSQL. */
  enum PoolerMode { none, transaction }

  @Option(names = "--pooler", paramLabel = "MODE", description = "none: the JDBC URL reaches PostgreSQL; transaction:"
      + " it reaches a transaction pooler such as PgBouncer in pool_mode=transaction (no startup parameters, nothing"
      + " prepared on the server, no tenant lanes; the fail-closed search_path and the plan cache mode become the"
      + " role's defaults in the database; docs/operations.md) (default: $CROSSLIST_POOLER, else none)")
  PoolerMode pooler = PoolerMode.none;

  /** Whether new tenant schemas are distributed with Citus's schema-based sharding. */
  enum CitusMode { off, distribute }

  @Option(names = "--citus", paramLabel = "MODE", description = "off: tenant schemas stay where PostgreSQL creates"
      + " them; distribute: with the citus extension installed, each new tenant schema is distributed"
      + " (citus_schema_distribute) and the shared tables tenant SQL reads become reference tables; inactive, with a"
      + " warning, without the extension; not yet tested on a Citus cluster (docs/operations.md) (default:"
      + " $CROSSLIST_CITUS, else off)")
  CitusMode citus = CitusMode.off;

  /** Opens the configured database, or the embedded one in the data directory (created on first use). */
  Database open() {
    return Database.open(jdbcUrl, secretKeyset, dataDir != null ? dataDir : Database.defaultDataDirectory())
        .withPooler(pooler()).withCitus(citus());
  }

  private CitusSchemas.Mode citus() {
    return citus == CitusMode.distribute ? CitusSchemas.Mode.DISTRIBUTE : CitusSchemas.Mode.OFF;
  }

  private Pooler pooler() {
    return pooler == PoolerMode.transaction ? Pooler.TRANSACTION : Pooler.NONE;
  }

  /**
   * As {@link #open()}, but without {@code --data-dir} the embedded PostgreSQL lives in a fresh temporary
   * directory removed at exit: for the demo, which shows a first run every time.
   */
  Database openThrowaway() {
    return Database.open(jdbcUrl, secretKeyset, dataDir).withPooler(pooler()).withCitus(citus());
  }
}
