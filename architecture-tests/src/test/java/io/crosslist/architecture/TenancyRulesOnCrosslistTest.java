package io.crosslist.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crosslist.tenancy.rules.TenancyRules;
import io.crosslist.tenancy.rules.TenancySettings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host tenancy rules pass on Crosslist (CrosslistArchitectureTest) because they check its code, not because
 * they see none of it: without the persistence adapter's exemption they report its fail-closed pool setting, and
 * they read its mapper XML.
 */
class TenancyRulesOnCrosslistTest {
  static JavaClasses crosslist;

  @BeforeAll
  static void importCrosslist() {
    crosslist = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.crosslist");
  }

  @Test
  void only_the_persistence_adapter_sets_a_schema_and_the_rule_sees_it_there() {
    TenancySettings noExemption = TenancySettings.builder().tenantTablesFromMigrations("db/tenant").build();
    List<String> lines = TenancyRules.of(noExemption).noSchemaSwitchInCode().evaluate(crosslist).getFailureReport()
        .getDetails();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(
        "Method <io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool.")
        && l.contains("names the PgJDBC connection property \"currentSchema\"")), String.join("\n", lines));
    assertEquals(List.of(), lines.stream().filter(l -> !l.startsWith("Method <io.crosslist.adapter.persistence.")).toList());
  }

  @Test
  void the_qualification_rule_reads_crosslists_mapper_xml() {
    // job_dispatch is a shared table; declared as a tenant table, each of its references would need ${tenant}
    TenancySettings wrong = TenancySettings.builder().persistencePackages(CrosslistArchitectureRules.PERSISTENCE_ADAPTER)
        .tenantTablesFromMigrations("db/tenant").tenantTables("job_dispatch").build();
    List<String> lines = TenancyRules.of(wrong).tenantTablesAreQualified().evaluate(crosslist).getFailureReport()
        .getDetails();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(
        "Resource <io/crosslist/adapter/persistence/internal/job/JobDispatchMapper.xml> names tenant table"
            + " job_dispatch without")),
        String.join("\n", lines));
  }
}
