package io.crosslist.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each of Crosslist's own rules, shown failing on a fixture that breaks it (and, where it matters, passing on a clean
 * one). The host tenancy rules have their fixture hosts in the crosslist-tenancy-rules module.
 */
class RulesCatchViolationsTest {

  private static JavaClasses load(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  private static JavaClasses loadPackage(String pkg) {
    return new ClassFileImporter().importPackages(pkg);
  }

  private static void assertViolation(ArchRule rule, JavaClasses classes, String... expectedFragments) {
    EvaluationResult result = rule.evaluate(classes);
    assertTrue(result.hasViolation(), rule.getDescription() + " should have failed");
    String report = String.join("\n", result.getFailureReport().getDetails());
    for (String fragment : expectedFragments) {
      assertTrue(report.contains(fragment), "expected '" + fragment + "' in:\n" + report);
    }
  }

  @Test
  void tenant_ids_parsed_with_long_are_caught_and_the_canonical_parser_passes() {
    assertViolation(IdParsingRules.ids_are_parsed_only_by_the_domain,
        load(io.crosslist.architecture.fixtures.ids.ParsesTenantWithLong.class), "ParsesTenantWithLong.tenantOf",
        "Long.parseLong", "ParsesTenantWithLong.viaValueOf", "Long.valueOf");
    assertFalse(IdParsingRules.ids_are_parsed_only_by_the_domain.evaluate(load(
        io.crosslist.architecture.fixtures.ids.ParsesTenantCanonically.class)).hasViolation());
  }

  @Test
  void the_core_may_not_use_jdbc_frameworks_or_ambient_state() {
    JavaClasses domainFixtures = loadPackage("io.crosslist.domain.fixture");
    assertViolation(CrosslistArchitectureRules.core_is_free_of_jdbc_and_frameworks, domainFixtures,
        "JdbcInDomain", "java.sql.Connection");
    assertViolation(CrosslistArchitectureRules.no_ambient_state_in_the_core, domainFixtures,
        "AmbientTenant", "ThreadLocal");
    assertViolation(CrosslistArchitectureRules.domain_depends_only_on_the_jdk, domainFixtures,
        "DomainUsesApplication", "io.crosslist.application.port.out.UnitOfWork");
    assertViolation(CrosslistArchitectureRules.application_depends_only_on_the_domain_and_the_jdk,
        loadPackage("io.crosslist.application.fixture"), "GuiceInApplication", "com.google.inject");
  }

  @Test
  void nothing_may_depend_on_the_composition_root() {
    assertViolation(CrosslistArchitectureRules.nothing_depends_on_bootstrap,
        loadPackage("io.crosslist.application.fixture"), "UsesCompositionRoot", "io.crosslist.bootstrap.CrosslistCommand");
    assertViolation(CrosslistArchitectureRules.the_hexagon_does_not_depend_on_its_composition,
        loadPackage("io.crosslist.application.fixture"), "UsesLibraryComposition", "io.crosslist.library.CrosslistModule");
  }

  @Test
  void layers_point_inwards_and_adapters_do_not_know_each_other() {
    JavaClasses classes = new ClassFileImporter().importPackages("io.crosslist.adapter.http.fixture",
        "io.crosslist.adapter.persistence.fixture", "io.crosslist.domain.fixture", "io.crosslist.application.port.out");
    assertViolation(CrosslistArchitectureRules.hexagonal_layers, classes,
        "HttpCallsPersistence", "io.crosslist.adapter.persistence.fixture.PersistenceThing",
        "DomainUsesApplication");
  }

  @Test
  void only_the_persistence_adapter_may_use_its_internal_packages() {
    JavaClasses classes = new ClassFileImporter().importPackages("io.crosslist.library.fixture",
        "io.crosslist.adapter.persistence.fixture", "io.crosslist.adapter.persistence.internal.fixture");
    assertViolation(CrosslistArchitectureRules.persistence_internals_stay_inside_the_adapter, classes,
        "LibraryUsesPersistenceInternals", "io.crosslist.adapter.persistence.internal.fixture.InternalThing");
    // the adapter's own packages may use them, and anyone may use its root package
    assertFalse(CrosslistArchitectureRules.persistence_internals_stay_inside_the_adapter.evaluate(
        new ClassFileImporter().importPackages("io.crosslist.adapter.persistence.fixture",
            "io.crosslist.adapter.persistence.internal.fixture", "io.crosslist.adapter.http.fixture")).hasViolation());
  }

  @Test
  void crosslist_itself_passes_every_rule() {
    JavaClasses crosslist = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.crosslist");
    for (ArchRule rule : List.of(CrosslistArchitectureRules.hexagonal_layers, IdParsingRules.ids_are_parsed_only_by_the_domain,
        CrosslistArchitectureRules.persistence_internals_stay_inside_the_adapter)) {
      rule.check(crosslist);
    }
  }
}
