package com.example.host;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosslist.tenancy.rules.CrosslistTenancyRules;

/** Crosslist's tenancy rules, run on the host's own code (settings in archunit.properties). */
@AnalyzeClasses(packages = "com.example.host", importOptions = ImportOption.DoNotIncludeTests.class)
class HostTenancyRulesTest {
  @ArchTest
  static final ArchTests tenancy = ArchTests.in(CrosslistTenancyRules.class);
}
