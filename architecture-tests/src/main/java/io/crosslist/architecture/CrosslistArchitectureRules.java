package io.crosslist.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.crosslist.architecture.ClassPathResources.Resource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crosslist's architecture and tenancy rules as ArchUnit rules. Crosslist applies all of them to
 * itself; a host service that embeds Crosslist can apply the tenancy rules to its own code:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme", importOptions = ImportOption.DoNotIncludeTests.class)
 * class TenancyRulesTest {
 *   @ArchTest static final ArchRule no_schema_switching =
 *       CrosslistArchitectureRules.no_schema_switching_strings_outside_persistence;
 *   @ArchTest static final ArchRule no_set_schema =
 *       CrosslistArchitectureRules.no_connection_set_schema_outside_persistence;
 *   @ArchTest static final ArchRule no_switching_in_sql =
 *       CrosslistArchitectureRules.no_schema_switching_in_resources_outside_persistence;
 *   @ArchTest static final ArchRule mappers_substitute_only_the_tenant =
 *       CrosslistArchitectureRules.mapper_xml_substitutes_only_tenant;
 *   @ArchTest static final ArchRule mappers_qualify_tenant_tables =
 *       CrosslistArchitectureRules.mapper_xml_qualifies_tenant_tables;
 * }
 * }</pre>
 *
 * <p>Rules on resources check the {@code .sql} and {@code .xml} files of the class-path roots
 * (output directories or jars) that the analysed classes come from. A host whose own persistence
 * adapter may switch schemas builds the rule with {@link #noSchemaSwitchingStringsOutside} and its
 * package instead of using the field.
 */
public final class CrosslistArchitectureRules {
  public static final String DOMAIN = "io.crosslist.domain..";
  public static final String APPLICATION = "io.crosslist.application..";
  public static final String PERSISTENCE_ADAPTER = "io.crosslist.adapter.persistence..";
  public static final String HTTP_ADAPTER = "io.crosslist.adapter.http..";
  public static final String SCHEDULER_ADAPTER = "io.crosslist.adapter.scheduler..";
  public static final String MARKETPLACE_ADAPTER = "io.crosslist.adapter.marketplace..";
  public static final String BOOTSTRAP = "io.crosslist.bootstrap..";

  /**
   * Text that switches the schema of a session: the search path setting, {@code SET SCHEMA} and
   * {@code set_config(}, in any case and spacing. (Written with character classes so this class does
   * not itself hold the text it looks for.)
   */
  static final Pattern SCHEMA_SWITCHING =
      Pattern.compile("(?i)search[_]path|\\bset\\s+schema\\b|set[_]config\\s*\\(");
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern TENANT_QUALIFIED = Pattern.compile("\\$\\{tenant}\\.\"?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern TABLE_REFERENCE = Pattern.compile(
      "(?i)\\b(?:from|join|into|update|table)\\s+((?:\"?[A-Za-z0-9_${}]+\"?\\.)?)\"?([A-Za-z_][A-Za-z0-9_]*)");

  private CrosslistArchitectureRules() {}

  // ---- hexagonal direction ----

  public static final ArchRule domain_depends_only_on_the_jdk = classes()
      .that().resideInAPackage(DOMAIN)
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
      .as("domain depends on the JDK and itself only");

  public static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
      .that().resideInAPackage(APPLICATION)
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
      .as("application depends on the JDK, the domain and itself only");

  public static final ArchRule core_is_free_of_jdbc_and_frameworks = noClasses()
      .that().resideInAnyPackage(DOMAIN, APPLICATION)
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.ibatis..",
          "org.mybatis..", "com.google.inject..", "jakarta.inject..", "javax.inject..", "com.zaxxer.hikari..",
          "io.javalin..", "org.postgresql..")
      .as("domain and application use no JDBC, MyBatis, Guice, Hikari, Javalin or PostgreSQL type");

  public static final ArchRule hexagonal_layers = onionArchitecture()
      .domainModels(DOMAIN)
      .applicationServices(APPLICATION)
      .adapter("persistence", PERSISTENCE_ADAPTER)
      .adapter("http", HTTP_ADAPTER)
      .adapter("scheduler", SCHEDULER_ADAPTER)
      .adapter("marketplace", MARKETPLACE_ADAPTER)
      .withOptionalLayers(true)
      // the composition root wires everything together; nothing may depend on it (rule below)
      .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
      .as("hexagonal layers: adapters -> application -> domain, adapters independent of each other");

  public static final ArchRule nothing_depends_on_bootstrap = noClasses()
      .that().resideOutsideOfPackage(BOOTSTRAP)
      .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
      .as("nothing depends on the composition root (bootstrap)")
      .allowEmptyShould(true);

  /** Invariant 2: the tenant is an argument, never ambient state on a pooled thread. */
  public static final ArchRule no_ambient_state_in_the_core = noClasses()
      .that().resideInAnyPackage(DOMAIN, APPLICATION)
      .should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
      .as("domain and application hold no ThreadLocal: the tenant is passed explicitly on every call");

  // ---- no session-level schema switching outside the persistence adapter ----

  public static final ArchRule no_schema_switching_strings_outside_persistence =
      noSchemaSwitchingStringsOutside(PERSISTENCE_ADAPTER);

  public static final ArchRule no_connection_set_schema_outside_persistence =
      noConnectionSetSchemaOutside(PERSISTENCE_ADAPTER);

  public static final ArchRule no_schema_switching_in_resources_outside_persistence =
      noSchemaSwitchingResourcesOutside(PERSISTENCE_ADAPTER);

  /** Classes outside {@code allowedPackages} hold no string constant that switches the session schema. */
  public static ArchRule noSchemaSwitchingStringsOutside(String... allowedPackages) {
    return classes().that().resideOutsideOfPackages(allowedPackages)
        .should(new ArchCondition<JavaClass>("hold no string constant that switches the session schema") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            for (String constant : ClassFileStrings.of(item)) {
              if (SCHEMA_SWITCHING.matcher(constant).find()) {
                events.add(SimpleConditionEvent.violated(item, item.getName() + " holds the string constant \""
                    + abbreviate(constant) + "\": the schema comes from ${tenant} in the persistence adapter, "
                    + "not from session state"));
              }
            }
          }
        })
        .allowEmptyShould(true);
  }

  /** Classes outside {@code allowedPackages} never call {@link Connection#setSchema(String)}. */
  public static ArchRule noConnectionSetSchemaOutside(String... allowedPackages) {
    return noClasses().that().resideOutsideOfPackages(allowedPackages)
        .should().callMethodWhere(target(name("setSchema")).and(target(owner(assignableTo(Connection.class)))))
        .as("no class outside " + String.join(", ", allowedPackages) + " calls Connection.setSchema")
        .allowEmptyShould(true);
  }

  /** SQL and XML resources beside classes outside {@code allowedPackages} hold no schema switching text. */
  public static ArchRule noSchemaSwitchingResourcesOutside(String... allowedPackages) {
    return classes().that().resideOutsideOfPackages(allowedPackages)
        .should(resourcesWhere("hold no SQL that switches the session schema", (resource, violations) -> {
          String text = resource.text();
          Matcher m = SCHEMA_SWITCHING.matcher(text);
          while (m.find()) {
            violations.add(resource.location() + ":" + ClassPathResources.lineOf(text, m.start())
                + " switches the session schema (" + m.group() + ")");
          }
        }))
        .as("SQL and XML resources outside " + String.join(", ", allowedPackages) + " hold no schema switching")
        .allowEmptyShould(true);
  }

  // ---- mapper XML ----

  /** Invariant 3: {@code ${tenant}} is the only text substitution in mapper XML; values are {@code #{...}}. */
  public static final ArchRule mapper_xml_substitutes_only_tenant = classes()
      .should(resourcesWhere("have mapper XML whose only ${...} is ${tenant}", (resource, violations) -> {
        if (!isMapper(resource)) {
          return;
        }
        String sql = withoutComments(resource.text());
        Matcher m = SUBSTITUTION.matcher(sql);
        while (m.find()) {
          if (!m.group(1).equals("tenant")) {
            violations.add(resource.location() + ":" + ClassPathResources.lineOf(sql, m.start()) + " substitutes "
                + m.group() + " into SQL text: only ${tenant} may be substituted; bind values with #{...}");
          }
        }
      }))
      .as("mapper XML substitutes only ${tenant}")
      .allowEmptyShould(true);

  /**
   * Every reference to a tenant table in mapper XML is qualified with {@code ${tenant}}. Tenant
   * tables are the names that appear as {@code ${tenant}.name} in any of the checked SQL or XML
   * resources (migrations and mappers).
   */
  public static final ArchRule mapper_xml_qualifies_tenant_tables = classes()
      .should(new ArchCondition<JavaClass>("have mapper XML that qualifies every tenant table with ${tenant}") {
        private List<Resource> resources = List.of();

        @Override
        public void init(Collection<JavaClass> all) {
          resources = ClassPathResources.besides(all);
        }

        @Override
        public void check(JavaClass item, ConditionEvents events) {
          // judged once for all resources in finish()
        }

        @Override
        public void finish(ConditionEvents events) {
          Set<String> tenantTables = new HashSet<>();
          for (Resource r : resources) {
            Matcher m = TENANT_QUALIFIED.matcher(withoutComments(r.text()));
            while (m.find()) {
              tenantTables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
          }
          for (Resource r : resources) {
            if (!isMapper(r)) {
              continue;
            }
            String sql = withoutComments(r.text());
            Matcher m = TABLE_REFERENCE.matcher(sql);
            while (m.find()) {
              String table = m.group(2).toLowerCase(java.util.Locale.ROOT);
              if (tenantTables.contains(table) && !m.group(1).equals("${tenant}.")) {
                events.add(SimpleConditionEvent.violated(r, r.location() + ":" + ClassPathResources.lineOf(sql, m.start())
                    + " refers to tenant table " + table + " as '" + m.group(1) + m.group(2)
                    + "': write ${tenant}." + table));
              }
            }
          }
        }
      })
      .as("mapper XML qualifies every tenant table with ${tenant}")
      .allowEmptyShould(true);

  // ---- helpers ----

  private interface ResourceCheck {
    void check(Resource resource, List<String> violations);
  }

  /** A condition over the SQL/XML resources beside the analysed classes, reported once. */
  private static ArchCondition<JavaClass> resourcesWhere(String description, ResourceCheck check) {
    return new ArchCondition<>(description) {
      private Collection<JavaClass> classes = List.of();

      @Override
      public void init(Collection<JavaClass> all) {
        classes = all;
      }

      @Override
      public void check(JavaClass item, ConditionEvents events) {
        // judged once for all resources in finish()
      }

      @Override
      public void finish(ConditionEvents events) {
        for (Resource resource : ClassPathResources.besides(classes)) {
          List<String> violations = new ArrayList<>();
          check.check(resource, violations);
          violations.forEach(v -> events.add(SimpleConditionEvent.violated(resource, v)));
        }
      }
    };
  }

  private static boolean isMapper(Resource resource) {
    return resource.location().endsWith(".xml") && resource.text().contains("<mapper");
  }

  private static String withoutComments(String text) {
    // keep newlines so that line numbers stay right
    Matcher m = Pattern.compile("(?s)<!--.*?-->|--[^\\n]*").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
  }
}
