package io.crosslist.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.crosslist.tenancy.rules.CrosslistTenancyRules;

/**
 * Crosslist's own rules ({@link CrosslistArchitectureRules}, {@link IdParsingRules}) and the host tenancy rules
 * (with the settings in this module's {@code archunit.properties}), applied to Crosslist's main code and resources.
 */
@AnalyzeClasses(packages = "io.crosslist", importOptions = ImportOption.DoNotIncludeTests.class)
class CrosslistArchitectureTest {
  @ArchTest static final ArchRule domain_depends_only_on_the_jdk = CrosslistArchitectureRules.domain_depends_only_on_the_jdk;
  @ArchTest static final ArchRule application_depends_only_on_the_domain_and_the_jdk =
      CrosslistArchitectureRules.application_depends_only_on_the_domain_and_the_jdk;
  @ArchTest static final ArchRule core_is_free_of_jdbc_and_frameworks =
      CrosslistArchitectureRules.core_is_free_of_jdbc_and_frameworks;
  @ArchTest static final ArchRule nothing_depends_on_bootstrap = CrosslistArchitectureRules.nothing_depends_on_bootstrap;
  @ArchTest static final ArchRule the_hexagon_does_not_depend_on_its_composition =
      CrosslistArchitectureRules.the_hexagon_does_not_depend_on_its_composition;
  @ArchTest static final ArchRule hexagonal_layers = CrosslistArchitectureRules.hexagonal_layers;
  @ArchTest static final ArchRule persistence_internals_stay_inside_the_adapter =
      CrosslistArchitectureRules.persistence_internals_stay_inside_the_adapter;
  @ArchTest static final ArchRule no_ambient_state_in_the_core = CrosslistArchitectureRules.no_ambient_state_in_the_core;
  @ArchTest static final ArchRule ids_are_parsed_only_by_the_domain = IdParsingRules.ids_are_parsed_only_by_the_domain;
  @ArchTest static final ArchTests tenancy = ArchTests.in(CrosslistTenancyRules.class);
}
