package io.crosslist.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Crosslist's own architecture: the hexagon's dependency direction and what its core may not hold. These
 * rules name Crosslist's packages and are for Crosslist alone; the tenancy rules a host applies to its own
 * code are in the {@code crosslist-tenancy-rules} artifact ({@code io.crosslist.tenancy.rules.CrosslistTenancyRules}),
 * which Crosslist also applies to itself (see {@code CrosslistArchitectureTest}).
 */
public final class CrosslistArchitectureRules {
  public static final String DOMAIN = "io.crosslist.domain..";
  public static final String APPLICATION = "io.crosslist.application..";
  public static final String PERSISTENCE_ADAPTER = "io.crosslist.adapter.persistence..";
  /**
   * The persistence adapter's internal packages: its tenancy mechanism, migrations and fleet operations, and one
   * package per aggregate. Its public surface is the root package ({@code PersistenceModule} and the types beside it).
   */
  public static final String PERSISTENCE_INTERNALS = "io.crosslist.adapter.persistence.internal..";
  public static final String HTTP_ADAPTER = "io.crosslist.adapter.http..";
  public static final String SCHEDULER_ADAPTER = "io.crosslist.adapter.scheduler..";
  public static final String MARKETPLACE_ADAPTER = "io.crosslist.adapter.marketplace..";
  public static final String BOOTSTRAP = "io.crosslist.bootstrap..";
  /** The library's composition (its public Guice module and runtime): what hosts depend on. */
  public static final String LIBRARY = "io.crosslist.library..";

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
      // the compositions wire everything together; the hexagon does not depend on them (rules below)
      .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
      .ignoreDependency(resideInAPackage(LIBRARY), alwaysTrue())
      .as("hexagonal layers: adapters -> application -> domain, adapters independent of each other");

  public static final ArchRule nothing_depends_on_bootstrap = noClasses()
      .that().resideOutsideOfPackage(BOOTSTRAP)
      .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
      .as("nothing depends on the composition root (bootstrap)")
      .allowEmptyShould(true);

  public static final ArchRule the_hexagon_does_not_depend_on_its_composition = noClasses()
      .that().resideInAnyPackage(DOMAIN, APPLICATION, PERSISTENCE_ADAPTER, HTTP_ADAPTER, SCHEDULER_ADAPTER,
          MARKETPLACE_ADAPTER)
      .should().dependOnClassesThat().resideInAPackage(LIBRARY)
      .as("domain, application and adapters do not depend on the library's composition (io.crosslist.library)")
      .allowEmptyShould(true);

  /**
   * The persistence adapter's internal packages are for the adapter alone: everything else (the library, bootstrap,
   * the other adapters, a host) uses its root package, so that the internals can change without breaking anyone.
   */
  public static final ArchRule persistence_internals_stay_inside_the_adapter = noClasses()
      .that().resideOutsideOfPackage(PERSISTENCE_ADAPTER)
      .should().dependOnClassesThat().resideInAPackage(PERSISTENCE_INTERNALS)
      .as("nothing outside the persistence adapter depends on its internal packages"
          + " (io.crosslist.adapter.persistence.internal..); it uses PersistenceModule and the types beside it")
      .allowEmptyShould(true);

  /** Invariant 2: the tenant is an argument, never ambient state on a pooled thread. */
  public static final ArchRule no_ambient_state_in_the_core = noClasses()
      .that().resideInAnyPackage(DOMAIN, APPLICATION)
      .should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
      .as("domain and application hold no ThreadLocal: the tenant is passed explicitly on every call");
}
