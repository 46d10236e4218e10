package io.crosslist.tenancy.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.crosslist.tenancy.rules.idfixtures.BoxesALong;
import io.crosslist.tenancy.rules.idfixtures.ReadsTenantWithLong;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The id rule as a ready rule and as a condition a host applies to the packages that read tenant ids. */
class TenantIdRulesTest {

  @Test
  void lenient_long_parsing_outside_the_allowed_packages_is_reported_with_the_fix() {
    var classes = new ClassFileImporter().importClasses(ReadsTenantWithLong.class, BoxesALong.class);
    List<String> lines = Violations.of(TenantIdRules.noLenientLongParsingOutside("com.acme.ids.."), classes);
    Violations.assertLines(lines,
        "Method <io.crosslist.tenancy.rules.idfixtures.ReadsTenantWithLong.tenantOf(java.lang.String)> calls"
            + " java.lang.Long.parseLong(java.lang.String) in (ReadsTenantWithLong.java:6): it takes '+42', '042' and"
            + " non-ASCII digits for 42, so two strings could name one tenant; fix: TenantId.parse for a tenant id,"
            + " CanonicalId.parse for another id",
        "Method <io.crosslist.tenancy.rules.idfixtures.ReadsTenantWithLong.viaValueOf(java.lang.String)> calls"
            + " java.lang.Long.valueOf(java.lang.String) in (ReadsTenantWithLong.java:10)");
    assertEquals(List.of(), Violations.of(classes().should(TenantIdRules.parseNoLongLeniently()),
        new ClassFileImporter().importClasses(BoxesALong.class)));
  }
}
