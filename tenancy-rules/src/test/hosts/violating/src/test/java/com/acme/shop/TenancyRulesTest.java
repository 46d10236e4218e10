package com.acme.shop;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosslist.tenancy.rules.CrosslistTenancyRules;

/** The host's whole set-up: one line, with its settings in src/test/resources/archunit.properties. */
@AnalyzeClasses(packages = "com.acme.shop", importOptions = ImportOption.DoNotIncludeTests.class)
class TenancyRulesTest {
  @ArchTest static final ArchTests tenancy = ArchTests.in(CrosslistTenancyRules.class);
}
