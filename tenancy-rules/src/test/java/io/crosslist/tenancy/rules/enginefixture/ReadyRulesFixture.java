package io.crosslist.tenancy.rules.enginefixture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosslist.tenancy.rules.CrosslistTenancyRules;

/** A host's one-line set-up, run by ReadyRulesThroughTheEngineTest (its name keeps Surefire from running it itself). */
@AnalyzeClasses(packages = "io.crosslist.tenancy.rules.enginefixture")
public class ReadyRulesFixture {
  @ArchTest static final ArchTests tenancy = ArchTests.in(CrosslistTenancyRules.class);

  static final String SQL = "select title from ${tenant}.products where id = ?";
}
