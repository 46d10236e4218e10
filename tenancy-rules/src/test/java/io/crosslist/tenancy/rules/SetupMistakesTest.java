package io.crosslist.tenancy.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host's set-up mistakes fail loudly, each naming what is wrong; nothing passes because it checked nothing. */
class SetupMistakesTest {
  @TempDir static Path dir;
  static FixtureHost violating;

  @BeforeAll
  static void build() {
    violating = FixtureHost.copyAndBuild("violating", dir.resolve("violating"));
  }

  @Test
  void a_misspelled_analysed_package_fails_every_rule_instead_of_passing() {
    JavaClasses nothing = new ClassFileImporter().importPackages("com.acme.shpo");
    for (ArchRule rule : TenancyRules.of(TenancySettings.defaults()).list()) {
      AssertionError error = assertThrows(AssertionError.class, () -> rule.check(nothing), rule.getDescription());
      assertTrue(error.getMessage().contains("failed to check any classes"), error.getMessage());
    }
  }

  @Test
  void a_persistence_package_that_matches_no_class_is_reported_by_the_rules_that_use_it() {
    TenancySettings misspelled = TenancySettings.builder().persistencePackages("com.acme.shop.persistance..")
        .tenantTables("invoices").tenantTablesFromMigrations("db/tenant").build();
    TenancyRules rules = TenancyRules.of(misspelled);
    for (ArchRule rule : List.of(rules.noSchemaSwitchInCode(), rules.noSchemaSwitchCalls(), rules.noSchemaSwitchInResources())) {
      List<String> lines = Violations.of(rule, violating.imported());
      assertTrue(lines.contains("Setting crosslist.tenancy.persistencePackages=com.acme.shop.persistance.. holds none of"
          + " the " + violating.imported().size() + " analysed classes; check the spelling:"
          + " a setting that matches nothing means the rule checks nothing there"), String.join("\n", lines));
    }
  }

  @Test
  void resource_folders_and_migration_folders_that_hold_nothing_are_reported() {
    TenancySettings misspelled = TenancySettings.builder().resourceFolders("db/legcy").persistenceResources("db/admn")
        .tenantTablesFromMigrations("db/tenat").build();
    String resources = String.join("\n", Violations.of(TenancyRules.of(misspelled).noSchemaSwitchInResources(),
        violating.imported()));
    assertTrue(resources.contains("Setting crosslist.tenancy.resourceFolders=db/legcy names a folder with no .sql, .xml,"
        + " .properties, .yaml, .yml file (class-path roots read: classes)"), resources);
    assertTrue(resources.contains("Setting crosslist.tenancy.persistenceResources=db/admn names a folder"), resources);
    assertTrue(resources.contains("Found no .sql, .xml, .properties, .yaml, .yml file in"
        + " crosslist.tenancy.resourceFolders=db/legcy beside the analysed classes"), resources);
    String tables = String.join("\n", Violations.of(TenancyRules.of(misspelled).tenantTablesAreQualified(),
        violating.imported()));
    assertTrue(tables.contains("Setting crosslist.tenancy.tenantMigrations=db/tenat names a folder with no .sql script"),
        tables);
  }

  @Test
  void resource_folders_limit_what_the_resource_rule_reads() {
    TenancySettings onlyLegacy = TenancySettings.builder().resourceFolders("db/legacy").build();
    Violations.assertLines(Violations.of(TenancyRules.of(onlyLegacy).noSchemaSwitchInResources(), violating.imported()),
        "Resource <db/legacy/switch-tenant.sql> switches the session schema");
  }

  @Test
  void a_bad_setting_in_archunit_properties_fails_every_rule_with_its_name_and_no_stack_trace() {
    List<List<String>> reports = ArchConfiguration.withThreadLocalScope(config -> {
      config.setProperty("crosslist.tenancy.persistencePackage", "com.acme.shop.persistence..");
      List<List<String>> all = new ArrayList<>();
      TenancyRules.fromArchUnitProperties().list().forEach(rule -> all.add(Violations.of(rule, violating.imported())));
      return all;
    });
    assertEquals(5, reports.size());
    for (List<String> lines : reports) {
      assertEquals(List.of("Bad setting in archunit.properties: crosslist.tenancy.persistencePackage is not a setting of"
          + " the Crosslist tenancy rules; the settings are crosslist.tenancy.persistencePackages,"
          + " crosslist.tenancy.persistenceResources, crosslist.tenancy.resourceFolders, crosslist.tenancy.tenantTables,"
          + " crosslist.tenancy.tenantMigrations"), lines);
    }
    TenancySettings fromConfig = ArchConfiguration.withThreadLocalScope(config -> {
      config.setProperty("crosslist.tenancy.persistencePackages", "com.acme.shop.persistence..");
      config.setProperty("crosslist.tenancy.tenantTables", "Invoices, orders");
      return TenancySettings.fromArchUnitProperties();
    });
    assertEquals(List.of("com.acme.shop.persistence.."), fromConfig.persistencePackages());
    assertEquals(java.util.Set.of("invoices", "orders"), fromConfig.tenantTables());
  }

  @Test
  void malformed_values_are_refused_with_the_setting_and_the_expected_form() {
    Properties wildcard = new Properties();
    wildcard.setProperty("crosslist.tenancy.persistencePackages", "com.acme.*.persistence");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TenancySettings.fromProperties(wildcard));
    assertEquals("crosslist.tenancy.persistencePackages: 'com.acme.*.persistence' is not a package name, optionally"
        + " ending in '..' for its subpackages (com.acme.persistence..)", e.getMessage());
    Properties both = new Properties();
    both.setProperty("crosslist.tenancy.tenantTables", "none");
    both.setProperty("crosslist.tenancy.tenantMigrations", "db/tenant");
    e = assertThrows(IllegalArgumentException.class, () -> TenancySettings.fromProperties(both));
    assertTrue(e.getMessage().startsWith("crosslist.tenancy.tenantTables=none says the host has no tenant tables"));
  }

  @Test
  void a_host_composes_a_condition_with_its_own_selection() {
    ArchRule onlySwitching = classes().that().resideInAPackage("com.acme.shop.switching..")
        .should(TenancyConditions.notSwitchTheSchemaInCode(TenancySettings.defaults()));
    List<String> lines = Violations.of(onlySwitching, violating.imported());
    assertEquals(6, lines.size(), String.join("\n", lines));
    assertTrue(lines.stream().allMatch(l -> l.startsWith("Method <com.acme.shop.switching.")), String.join("\n", lines));
  }

  @Test
  void the_ready_class_carries_every_rule_as_an_arch_test_field() throws IllegalAccessException {
    List<String> descriptions = new ArrayList<>();
    for (Field field : CrosslistTenancyRules.class.getDeclaredFields()) {
      if (ArchRule.class.isAssignableFrom(field.getType())) {
        assertTrue(field.isAnnotationPresent(ArchTest.class), field.getName() + " has no @ArchTest");
        assertTrue(Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers()), field.getName());
        descriptions.add(((ArchRule) field.get(null)).getDescription());
      }
    }
    assertEquals(TenancyRules.of(TenancySettings.defaults()).list().stream().map(ArchRule::getDescription).toList(),
        descriptions);
  }
}
