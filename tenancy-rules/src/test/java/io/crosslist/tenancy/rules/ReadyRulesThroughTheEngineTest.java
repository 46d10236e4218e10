package io.crosslist.tenancy.rules;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosslist.tenancy.rules.enginefixture.ReadyRulesFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** {@code ArchTests.in(CrosslistTenancyRules.class)} runs every rule as its own test through ArchUnit's JUnit 5 engine. */
class ReadyRulesThroughTheEngineTest {

  @Test
  void arch_tests_in_the_ready_class_runs_five_rules() {
    List<String> passed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ReadyRulesFixture.class)).build(), new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed)
                  .add(test.getDisplayName() + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
            }
          }
        });
    assertEquals(List.of(), failed);
    assertEquals(List.of("no_schema_switch_in_code", "no_schema_switch_calls", "no_schema_switch_in_resources",
        "sql_substitutes_only_the_tenant", "tenant_tables_are_qualified").stream()
        .map(rule -> "CrosslistTenancyRules > " + rule).toList(), passed);
  }
}
