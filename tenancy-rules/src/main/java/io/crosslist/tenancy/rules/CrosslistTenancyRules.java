package io.crosslist.tenancy.rules;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The tenancy rules, ready for a host's test with one line; the settings come from the host's
 * {@code archunit.properties} (see {@link TenancySettings}):
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme", importOptions = ImportOption.DoNotIncludeTests.class)
 * class TenancyRulesTest {
 *   @ArchTest static final ArchTests tenancy = ArchTests.in(CrosslistTenancyRules.class);
 * }
 * }</pre>
 *
 * Each field is an {@code @ArchTest}, so {@code ArchTests.in} runs every one as its own test. To freeze
 * the violations of a legacy code base, list the fields instead of {@code ArchTests.in} and wrap those with
 * accepted debt: {@code @ArchTest static final ArchRule tables =
 * FreezingArchRule.freeze(CrosslistTenancyRules.tenant_tables_are_qualified);}.
 */
public final class CrosslistTenancyRules {
  private static final TenancyRules RULES = TenancyRules.fromArchUnitProperties();

  /** SQL text blocks, constants, concatenations and annotation values (MyBatis {@code @Update} ...) switch no schema. */
  @ArchTest
  public static final ArchRule no_schema_switch_in_code = RULES.noSchemaSwitchInCode();

  /** {@code Connection.setSchema}, {@code HikariConfig.setSchema}, {@code setCurrentSchema} are not called. */
  @ArchTest
  public static final ArchRule no_schema_switch_calls = RULES.noSchemaSwitchCalls();

  /** {@code .sql}, {@code .xml}, {@code .properties} and YAML files switch no schema (init SQL, URLs, pool settings). */
  @ArchTest
  public static final ArchRule no_schema_switch_in_resources = RULES.noSchemaSwitchInResources();

  /** {@code ${tenant}} is the only text substitution in SQL; values are {@code #{...}}. */
  @ArchTest
  public static final ArchRule sql_substitutes_only_the_tenant = RULES.sqlSubstitutesOnlyTheTenant();

  /** Every tenant table is written {@code ${tenant}.table}. */
  @ArchTest
  public static final ArchRule tenant_tables_are_qualified = RULES.tenantTablesAreQualified();

  private CrosslistTenancyRules() {}
}
