package io.crosslist.tenancy.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.List;
import java.util.Objects;

/**
 * The tenancy rules for a host's settings, each ready to use as an {@code @ArchTest} field:
 *
 * <pre>{@code
 * static final TenancyRules TENANCY = TenancyRules.of(TenancySettings.builder()
 *     .persistencePackages("com.acme.persistence..").tenantTablesFromMigrations("db/tenant").build());
 * @ArchTest static final ArchRule tenancy = TENANCY.all();
 * }</pre>
 *
 * Every rule fails when it had no class to check, and reports a setting that matches nothing. Rule
 * descriptions do not depend on the settings, so a frozen rule keeps its store when the settings change.
 *
 * @see CrosslistTenancyRules the same rules, with the settings from {@code archunit.properties}
 * @see TenancyConditions the same checks as conditions
 */
public final class TenancyRules {
  private final TenancySettings settings;
  private final String invalidSettings;

  private TenancyRules(TenancySettings settings, String invalidSettings) {
    this.settings = settings;
    this.invalidSettings = invalidSettings;
  }

  public static TenancyRules of(TenancySettings settings) {
    return new TenancyRules(Objects.requireNonNull(settings, "settings"), null);
  }

  /**
   * The rules for the settings in {@code archunit.properties}. A bad setting does not stop the test class from
   * loading: every rule fails with the message that names the setting and what is wrong with it.
   */
  public static TenancyRules fromArchUnitProperties() {
    try {
      return of(TenancySettings.fromArchUnitProperties());
    } catch (IllegalArgumentException e) {
      return new TenancyRules(TenancySettings.defaults(), "Bad setting in archunit.properties: " + e.getMessage());
    }
  }

  /** No class outside the persistence packages holds SQL or a property name that switches the session schema. */
  public ArchRule noSchemaSwitchInCode() {
    return rule(TenancyConditions.notSwitchTheSchemaInCode(settings),
        "no class outside the host's persistence adapter holds SQL or a property that switches the session schema");
  }

  /** No class outside the persistence packages calls a method that switches the session schema. */
  public ArchRule noSchemaSwitchCalls() {
    return rule(TenancyConditions.notCallSchemaSwitchingMethods(settings),
        "no class outside the host's persistence adapter calls a method that switches the session schema");
  }

  /** No resource outside the persistence adapter's folders switches the session schema. */
  public ArchRule noSchemaSwitchInResources() {
    return rule(TenancyConditions.notSwitchTheSchemaInResources(settings),
        "no SQL, XML, properties or YAML resource outside the host's persistence adapter switches the session schema");
  }

  /** SQL substitutes no {@code ${...}} but {@code ${tenant}}. */
  public ArchRule sqlSubstitutesOnlyTheTenant() {
    return rule(TenancyConditions.substituteOnlyTheTenantIntoSql(settings),
        "SQL substitutes only ${tenant} into its text and binds every value with #{...}");
  }

  /** SQL names every tenant table as {@code ${tenant}.table}. */
  public ArchRule tenantTablesAreQualified() {
    return rule(TenancyConditions.qualifyTenantTables(settings), "SQL names every tenant table as ${tenant}.table");
  }

  /** Every rule above, in order. */
  public List<ArchRule> list() {
    return List.of(noSchemaSwitchInCode(), noSchemaSwitchCalls(), noSchemaSwitchInResources(),
        sqlSubstitutesOnlyTheTenant(), tenantTablesAreQualified());
  }

  /** Every rule above as one rule (one test, one report). */
  public ArchRule all() {
    return CompositeArchRule.of(list());
  }

  public TenancySettings settings() {
    return settings;
  }

  private ArchRule rule(ArchCondition<JavaClass> condition, String description) {
    ArchCondition<JavaClass> checked = invalidSettings == null ? condition : failing(invalidSettings);
    return classes().should(checked).as(description)
        .because("one tenant's schema must never reach another tenant's work (see docs/architecture-rules.md in"
            + " Crosslist)");
  }

  private static ArchCondition<JavaClass> failing(String message) {
    return new ArchCondition<>("have valid settings") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {}

      @Override
      public void finish(ConditionEvents events) {
        HostCondition.violated(events, message);
      }
    };
  }
}
