package io.crosslist.tenancy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture hosts under {@code src/test/hosts}, built and checked with the rules and the settings of their
 * own {@code archunit.properties}: every violation of the violating host is reported, with its message
 * (what, where, why, fix), and nothing else; the clean host, read-only mentions included, passes.
 */
class HostRulesTest {
  @TempDir static Path dir;
  static FixtureHost violating;
  static FixtureHost clean;

  @BeforeAll
  static void build() {
    violating = FixtureHost.copyAndBuild("violating", dir.resolve("violating"));
    clean = FixtureHost.copyAndBuild("clean", dir.resolve("clean"));
  }

  static final String SESSION = ": " + SchemaSwitches.Reach.SESSION.why() + "; fix: write tenant tables as"
      + " ${tenant}.<table> and pass the tenant on each call; if this is the host's own persistence adapter, list its"
      + " package in crosslist.tenancy.persistencePackages";

  @Test
  void schema_switches_in_code_are_reported_one_per_fixture_class_with_the_fix() {
    List<String> lines = Violations.of(TenancyRules.of(violating.settings()).noSchemaSwitchInCode(), violating.imported());
    Violations.assertLines(lines,
        "Method <com.acme.shop.switching.SetsSearchPath.statement()> switches the session schema with"
            + " \"SET search_path TO user_1\" in (SetsSearchPath.java:8)" + SESSION,
        "Method <com.acme.shop.switching.SetsLocalSchema.statement()> switches the schema for the transaction with"
            + " \"SET LOCAL SCHEMA 'user_1'\" in (SetsLocalSchema.java:6): the schema is gone at commit",
        "Method <com.acme.shop.switching.SetsSessionSchema.statement(java.lang.String)> switches the session schema with"
            + " \"Set Session Schema '<expr>'\" in (SetsSessionSchema.java:6)" + SESSION,
        "Method <com.acme.shop.switching.CallsSetConfig.statement()> switches the session schema with"
            + " \"set_config(?, ?, false)\" in (CallsSetConfig.java:8)" + SESSION,
        "Method <com.acme.shop.switching.JdbcUrlWithCurrentSchema.url()> sets the schema of every connection with"
            + " \"currentSchema=user_1\" in (JdbcUrlWithCurrentSchema.java:6): every connection starts in that one schema",
        "Method <com.acme.shop.switching.DataSourcePropertyCurrentSchema.configure(com.zaxxer.hikari.HikariConfig,"
            + " java.lang.String)> names the PgJDBC connection property \"currentSchema\" in"
            + " (DataSourcePropertyCurrentSchema.java:8): every connection starts in that one schema",
        "Method <com.acme.shop.mappers.SwitchingAnnotationMapper.switchTenant()> @Update switches the session schema"
            + " with \"SET search_path TO user_1\" in (SwitchingAnnotationMapper.java:0)" + SESSION);
  }

  @Test
  void schema_switching_calls_are_reported_even_through_a_subtype() {
    List<String> lines = Violations.of(TenancyRules.of(violating.settings()).noSchemaSwitchCalls(), violating.imported());
    Violations.assertLines(lines,
        "Method <com.acme.shop.switching.CallsConnectionSetSchema.use(com.acme.shop.switching.CallsConnectionSetSchema"
            + "$PooledConnection, java.lang.String)> calls com.acme.shop.switching.CallsConnectionSetSchema$PooledConnection"
            + ".setSchema(java.lang.String) in (CallsConnectionSetSchema.java:12)" + SESSION,
        "Method <com.acme.shop.switching.ConfiguresHikariSchema.pool(java.lang.String)> calls"
            + " com.zaxxer.hikari.HikariConfig.setSchema(java.lang.String) in (ConfiguresHikariSchema.java:9): every"
            + " connection starts in that one schema");
  }

  @Test
  void schema_switches_in_sql_properties_and_yaml_resources_are_reported_by_relative_path() {
    List<String> lines = Violations.of(TenancyRules.of(violating.settings()).noSchemaSwitchInResources(),
        violating.imported());
    String fix = "; fix: write tenant tables as ${tenant}.<table> and pass the tenant on each call; if this file belongs"
        + " to the host's own persistence adapter, list its folder in crosslist.tenancy.persistenceResources";
    Violations.assertLines(lines,
        "Resource <db/legacy/switch-tenant.sql> switches the session schema with \"SET search_path TO user_1\" in"
            + " (db/legacy/switch-tenant.sql:4): " + SchemaSwitches.Reach.SESSION.why() + fix,
        "Resource <application.properties> sets the schema of every connection with \"currentSchema=user_1\" in"
            + " (application.properties:2): " + SchemaSwitches.Reach.POOL.why() + fix,
        "Resource <config/pool.properties> switches the session schema with \"SET SCHEMA 'user_1'\" in"
            + " (config/pool.properties:2)",
        "Resource <application.yaml> sets HikariCP's schema with \"spring.datasource.hikari.schema=user_1\" in"
            + " (application.yaml:6)",
        "Resource <config/datasource.yml> sets the PgJDBC connection property"
            + " \"spring.datasource.hikari.data-source-properties.currentSchema=user_1\" in (config/datasource.yml:6)",
        "Resource <config/init.yml> switches the session schema with \"set session search_path to user_1\" in"
            + " (config/init.yml:5)");
    for (String line : lines) {
      assertFalse(line.contains(violating.project().toString()), "no absolute path: " + line);
    }
  }

  @Test
  void substitutions_other_than_the_tenant_are_reported_in_mapper_xml_and_annotations() {
    List<String> lines = Violations.of(TenancyRules.of(violating.settings()).sqlSubstitutesOnlyTheTenant(),
        violating.imported());
    Violations.assertLines(lines,
        "Resource <com/acme/shop/mappers/OrderByMapper.xml> substitutes ${orderBy} into SQL text in"
            + " (com/acme/shop/mappers/OrderByMapper.xml:7): " + Messages.SUBSTITUTION_WHY
            + "; fix: bind the value as #{orderBy}, or choose the SQL fragment in Java from a fixed list",
        "Method <com.acme.shop.mappers.SubstitutingAnnotationMapper.sorted(java.lang.String)> @Select substitutes"
            + " ${orderBy} into SQL text in (SubstitutingAnnotationMapper.java:0)");
  }

  @Test
  void a_legacy_host_that_declares_its_tenant_tables_gets_each_unqualified_reference() {
    List<String> lines = Violations.of(TenancyRules.of(violating.settings()).tenantTablesAreQualified(),
        violating.imported());
    Violations.assertLines(lines,
        "Resource <com/acme/shop/mappers/LegacyOrderMapper.xml> names tenant table orders without ${tenant}"
            + " (\"from orders\") in (com/acme/shop/mappers/LegacyOrderMapper.xml:7): " + Messages.QUALIFY_WHY
            + "; fix: write ${tenant}.orders",
        "Resource <com/acme/shop/mappers/LegacyOrderMapper.xml> names tenant table invoices without ${tenant}"
            + " (\"from public.invoices\") in (com/acme/shop/mappers/LegacyOrderMapper.xml:11): "
            + Messages.OTHER_SCHEMA_WHY + "; fix: write ${tenant}.invoices",
        "Method <com.acme.shop.mappers.UnqualifiedAnnotationMapper.all()> @Select names tenant table orders without"
            + " ${tenant} (\"from orders\") in (UnqualifiedAnnotationMapper.java:0)",
        "Method <com.acme.shop.legacy.LegacyInvoiceQueries.byId()> names tenant table invoices without ${tenant}"
            + " (\"from invoices\") in (LegacyInvoiceQueries.java:8)");
  }

  @Test
  void the_clean_host_passes_every_rule_read_only_mentions_included() {
    for (ArchRule rule : TenancyRules.of(clean.settings()).list()) {
      assertEquals(List.of(), Violations.of(rule, clean.imported()), rule.getDescription());
    }
  }

  @Test
  void a_legacy_host_that_declares_no_tenant_table_fails_instead_of_passing() throws Exception {
    // the violating host without its two ${tenant} statements: nothing tells the rule which tables are tenant tables
    Path copy = dir.resolve("legacy-undeclared");
    FixtureHost.copy(FixtureHost.source("violating"), copy);
    java.nio.file.Files.delete(copy.resolve("src/main/resources/com/acme/shop/mappers/OrderByMapper.xml"));
    java.nio.file.Files.delete(copy.resolve("src/main/java/com/acme/shop/mappers/SubstitutingAnnotationMapper.java"));
    FixtureHost legacy = FixtureHost.build(copy);
    TenancySettings undeclared = TenancySettings.builder().persistencePackages("com.acme.shop.persistence..").build();
    List<String> lines = Violations.of(TenancyRules.of(undeclared).tenantTablesAreQualified(), legacy.imported());
    Violations.assertLines(lines, "Knows no tenant table, so it checked nothing, while the host's SQL names the tables"
        + " brands, invoices, orders: declare the tenant tables with crosslist.tenancy.tenantTables=<table>,<table> or"
        + " read them from the per-tenant migration scripts with crosslist.tenancy.tenantMigrations=<folder>; a host"
        + " with no tenant table of its own sets crosslist.tenancy.tenantTables=none");
    TenancySettings none = TenancySettings.builder().noTenantTables().build();
    assertEquals(List.of(), Violations.of(TenancyRules.of(none).tenantTablesAreQualified(), legacy.imported()));
  }

  @Test
  void the_persistence_adapter_may_switch_in_its_classes_and_its_package_folder_only() {
    String all = String.join("\n", Violations.of(TenancyRules.of(violating.settings()).all(), violating.imported()));
    assertFalse(all.contains("TenantRouting"), all);
    assertFalse(all.contains("route-tenant.sql"), all);
    assertFalse(all.contains("commented_out"), all);
    TenancySettings noAdapter = TenancySettings.builder().tenantTables("invoices").tenantTablesFromMigrations("db/tenant")
        .build();
    String without = String.join("\n", Violations.of(TenancyRules.of(noAdapter).all(), violating.imported()));
    assertTrue(without.contains("Method <com.acme.shop.persistence.TenantRouting.reset(java.sql.Connection)> calls"),
        without);
    assertTrue(without.contains("Resource <com/acme/shop/persistence/route-tenant.sql> switches"), without);
  }
}
