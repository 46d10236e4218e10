package io.crosslist.adapter.persistence;

import io.crosslist.adapter.persistence.internal.migration.TenantMigrations;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Placing tenants with Citus's schema-based sharding: each tenant schema becomes a distributed schema
 * ({@code citus_schema_distribute}), which Citus places whole on one worker node, and the shared reference data
 * ({@link #REFERENCE_DATA}) and every shared table that tenant SQL reads ({@link CitusLint#sharedTablesOfTenantSql},
 * today also {@code job_dispatch}, which the jobs view joins) become reference tables ({@code create_reference_table}),
 * copied to every node; the rest of the shared schema stays on the coordinator. {@link CitusLint} keeps the SQL compatible; this class runs the statements.
 *
 * <p>With {@link Mode#DISTRIBUTE} and the {@code citus} extension present, the shared tables are made reference
 * tables at start and each tenant is distributed right after its provisioning commits (a schema distributed on a
 * failure would not be taken back with the provisioning's transaction). Without the extension the mode is inactive
 * and says so once at start. {@link #plan} lists the statements for existing tenants, for a dry run or for
 * {@link #apply}. Not yet tested against a Citus cluster: none can be installed where Crosslist is built.
 */
public final class CitusSchemas {
  private static final Logger LOG = LoggerFactory.getLogger(CitusSchemas.class);

  /** Whether Crosslist distributes tenant schemas. */
  public enum Mode {
    /** Tenant schemas stay where PostgreSQL creates them (the default). */
    OFF,
    /** Each new tenant schema is distributed when the {@code citus} extension is present. */
    DISTRIBUTE
  }

  /**
   * The statements that would place the shared tables and the tenants on Citus.
   *
   * @param citusVersion the installed extension's version, or null when it is not installed (then every statement
   *     is listed, none can run)
   */
  public record Plan(String citusVersion, List<String> statements) {
    public Plan {
      statements = List.copyOf(statements);
    }
  }

  /** The shared reference data (codes products refer to), which any node may read. */
  static final List<String> REFERENCE_DATA = List.of("brands", "categories", "colours", "conditions", "sizes");

  private final DataSource dataSource;
  private final Mode mode;
  private final SortedSet<String> referenceTables;
  private final String citusVersion;

  CitusSchemas(DataSource dataSource, Mode mode, List<Class<?>> mappers, List<MigrationTrack> tracks) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.referenceTables = new java.util.TreeSet<>(REFERENCE_DATA);
    this.referenceTables.addAll(CitusLint.sharedTablesOfTenantSql(mappers, tracks));
    this.citusVersion = installedVersion();
  }

  /** At start: in {@link Mode#DISTRIBUTE}, makes the shared tables reference tables, or says why it cannot. */
  void start() {
    if (mode == Mode.OFF) {
      return;
    }
    if (citusVersion == null) {
      LOG.warn("citus=DISTRIBUTE is inactive: the citus extension is not installed in this database, so tenant"
          + " schemas stay on this server (CREATE EXTENSION citus, then restart and run `crosslist tenants"
          + " distribute` for the tenants created before)");
      return;
    }
    List<String> shared = sharedStatements(alreadyReference());
    run(shared);
    LOG.info("citus {}: new tenant schemas are distributed; {} shared table(s) made reference tables now",
        citusVersion, shared.size());
  }

  /** True when new tenants are distributed: {@link Mode#DISTRIBUTE} and the extension is present. */
  public boolean active() {
    return mode == Mode.DISTRIBUTE && citusVersion != null;
  }

  /** The installed {@code citus} extension's version, or null. */
  public String citusVersion() {
    return citusVersion;
  }

  /** The reference data and the shared tables tenant SQL reads, which Citus must hold as reference tables. */
  public List<String> referenceTables() {
    return referenceTables.stream().map(t -> "crosslist." + t).toList();
  }

  /** The statement that distributes {@code tenant}'s schema. */
  public static String distributeStatement(TenantId tenant) {
    return "select citus_schema_distribute('" + tenant.schemaName() + "')";
  }

  /**
   * What would place the shared tables and {@code tenants} on Citus, leaving out what Citus already holds when it
   * is installed.
   */
  public Plan plan(List<TenantId> tenants) {
    Set<String> reference = citusVersion == null ? Set.of() : alreadyReference();
    Set<String> distributed = citusVersion == null ? Set.of() : distributedSchemas();
    List<String> statements = new ArrayList<>(sharedStatements(reference));
    for (TenantId tenant : tenants) {
      if (!distributed.contains(tenant.schemaName())) {
        statements.add(distributeStatement(tenant));
      }
    }
    return new Plan(citusVersion, statements);
  }

  /**
   * Runs {@code plan}'s statements one by one (each commits on its own; a rerun plans what is left).
   *
   * @throws IllegalStateException when the {@code citus} extension is not installed
   */
  public int apply(Plan plan) {
    if (citusVersion == null) {
      throw new IllegalStateException("the citus extension is not installed in this database: nothing can be"
          + " distributed (a dry run lists the statements)");
    }
    run(plan.statements());
    return plan.statements().size();
  }

  /** After {@code tenant}'s provisioning committed: distributes its schema when active. */
  void distributeNew(TenantId tenant) {
    if (active()) {
      run(List.of(distributeStatement(tenant)));
      LOG.info("{} distributed with citus_schema_distribute", tenant);
    }
  }

  private List<String> sharedStatements(Set<String> alreadyReference) {
    return referenceTables.stream().filter(t -> !alreadyReference.contains(t))
        .map(t -> "select create_reference_table('crosslist." + t + "')").toList();
  }

  private void run(List<String> statements) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String statement : statements) {
        st.execute(statement);
      }
    } catch (SQLException e) {
      throw TenantMigrations.failure("placing schemas on Citus", e);
    }
  }

  private String installedVersion() {
    List<String> version = strings("select extversion from pg_extension where extname = 'citus'");
    return version.isEmpty() ? null : version.get(0);
  }

  private Set<String> alreadyReference() {
    return new HashSet<>(strings("select table_name::text from citus_tables where citus_table_type = 'reference'"
        + " and table_name::text like 'crosslist.%'").stream().map(t -> t.substring("crosslist.".length())).toList());
  }

  private Set<String> distributedSchemas() {
    return new HashSet<>(strings("select schema_name::text from citus_schemas"));
  }

  private List<String> strings(String sql) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw TenantMigrations.failure("reading Citus's metadata", e);
    }
  }
}
