package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.host.NoteMapper;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantProvisioning;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.junit.jupiter.api.Test;

/**
 * Placing tenants on Citus: which shared tables must be reference tables (derived from the tenant SQL, so a host's
 * statement that reads another shared table adds it), the statements a dry run prints, and the option staying
 * inactive, with provisioning unchanged, on a PostgreSQL without the citus extension. The active path (the
 * extension installed) is not tested here: no Citus can be installed where Crosslist is built.
 */
class CitusSchemasTest {
  /** The reference data, and the dispatch table the jobs view joins; not the registry, ticks or account index. */
  private static final List<String> CROSSLIST_REFERENCE_TABLES = List.of("crosslist.brands", "crosslist.categories",
      "crosslist.colours", "crosslist.conditions", "crosslist.job_dispatch", "crosslist.sizes");

  /** A host statement that reads the tenant registry next to its tenant table. */
  interface TenantReadingMapper {
    @Select("select n.id from ${tenant}.notes n join crosslist.tenants t on t.id = n.owner")
    List<Long> notesBeingDispatched(@Param("tenant") TenantId tenant);
  }

  @Test
  void the_reference_tables_are_the_shared_tables_tenant_sql_reads() {
    assertEquals(List.of("job_dispatch"),
        List.copyOf(CitusLint.sharedTablesOfTenantSql(PersistenceModule.MAPPERS, List.of(MigrationTrack.crosslist()))),
        "the jobs view joins the dispatch entry of a running attempt");
    assertEquals(List.of("tenants"), List.copyOf(CitusLint.sharedTablesOfTenantSql(List.of(NoteMapper.class,
        TenantReadingMapper.class), List.of())), "a host's statement reading another shared table adds it");
  }

  @Test
  void without_the_extension_distribute_is_inactive_and_provisioning_is_unchanged() {
    PersistenceSettings settings = TestDatabase.get().settings().withMaximumPoolSize(3)
        .withCitus(CitusSchemas.Mode.DISTRIBUTE);
    try (PersistenceModule module = new PersistenceModule(settings)) {
      Injector injector = Guice.createInjector(module);
      CitusSchemas citus = injector.getInstance(CitusSchemas.class);
      assertNull(citus.citusVersion());
      assertFalse(citus.active());
      TenantId tenant = Persistence.unusedTenant();
      assertTrue(injector.getInstance(TenantProvisioning.class).provision(tenant).created());

      CitusSchemas.Plan plan = citus.plan(List.of(tenant, TenantId.of(7)));
      List<String> expected = new java.util.ArrayList<>(CROSSLIST_REFERENCE_TABLES.stream()
          .map(t -> "select create_reference_table('" + t + "')").toList());
      expected.add("select citus_schema_distribute('" + tenant.schemaName() + "')");
      expected.add("select citus_schema_distribute('user_7')");
      assertEquals(expected, plan.statements());
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> citus.apply(plan));
      assertTrue(refused.getMessage().contains("the citus extension is not installed"), refused.getMessage());
    }
  }

  @Test
  void the_option_is_named_when_missing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PersistenceSettings.forJdbcUrl("jdbc:postgresql://db/x").withCitus(null));
    assertTrue(e.getMessage().contains("citus: is required (OFF or DISTRIBUTE)"), e.getMessage());
  }
}
