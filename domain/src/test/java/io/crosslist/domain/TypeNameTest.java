package io.crosslist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.job.JobAction;
import io.crosslist.domain.job.JobType;
import io.crosslist.domain.marketplace.Marketplace;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypeNameTest {
  private static final String LONGEST = "A" + "B".repeat(TypeName.MAX_LENGTH - 1);

  @ParameterizedTest
  @ValueSource(strings = {"VINTED", "EBAY", "SYNC_ORDERS", "DEPOP", "REPRICE", "X", "A1", "B_2_", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ABC"})
  void names_of_the_form_are_marketplaces_and_actions(String name) {
    assertEquals(name, Marketplace.of(name).name());
    assertEquals(name, JobAction.of(name).name());
    assertEquals(name, Marketplace.of(name).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "depop", "Depop", "1DEPOP", "_DEPOP", "DE POP", "DE-POP", "DEPOP\n", " DEPOP",
      "DÉPOP", "ＤＥＰＯＰ", "DEPOP٣", "ǅEPOP", "${tenant}", "VINTED'); drop table x; --"})
  void anything_else_is_refused_naming_the_field_and_the_rule(String name) {
    ValidationException m = assertThrows(ValidationException.class, () -> Marketplace.of(name));
    assertEquals("marketplace: " + TypeName.RULE, m.getMessage());
    ValidationException a = assertThrows(ValidationException.class, () -> JobAction.of(name));
    assertEquals("action: " + TypeName.RULE, a.getMessage());
    assertThrows(ValidationException.class, () -> new Marketplace(name), "the constructor checks too");
  }

  @Test
  void the_longest_name_has_40_characters() {
    assertEquals(LONGEST, Marketplace.of(LONGEST).name());
    assertEquals(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ABC".length());
  }

  @Test
  void null_and_a_name_one_character_too_long_are_refused() {
    assertThrows(ValidationException.class, () -> Marketplace.of(null));
    assertThrows(ValidationException.class, () -> JobAction.of(LONGEST + "C"));
    assertEquals("must be an upper-case ASCII letter followed by up to 39 upper-case ASCII letters, digits or"
        + " underscores, like EBAY or SYNC_ORDERS", TypeName.RULE);
  }

  @Test
  void values_are_equal_by_name_and_built_in_names_give_the_constants() {
    assertSame(Marketplace.VINTED, Marketplace.of("VINTED"));
    assertSame(JobAction.SYNC_ORDERS, JobAction.of("SYNC_ORDERS"));
    Marketplace depop = Marketplace.of("DEPOP");
    assertNotSame(depop, Marketplace.of("DEPOP"));
    assertEquals(depop, Marketplace.of("DEPOP"));
    assertEquals(depop.hashCode(), Marketplace.of("DEPOP").hashCode());
    assertEquals(Marketplace.VINTED, new Marketplace("VINTED"));
    assertTrue(JobAction.PUBLISH.isBuiltIn());
    assertFalse(JobAction.of("REPRICE").isBuiltIn());
    assertEquals(List.of(Marketplace.VINTED, Marketplace.EBAY, Marketplace.ETSY), Marketplace.BUILT_IN);
    assertEquals(6, JobAction.BUILT_IN.size());
  }

  @Test
  void job_types_order_by_marketplace_then_action_and_print_as_a_pair() {
    JobType repriceOnDepop = JobType.of(Marketplace.of("DEPOP"), JobAction.of("REPRICE"));
    assertEquals("DEPOP REPRICE", repriceOnDepop.toString());
    List<JobType> sorted = new ArrayList<>(new TreeSet<>(List.of(JobType.of(Marketplace.VINTED, JobAction.PUBLISH),
        repriceOnDepop, JobType.of(Marketplace.EBAY, JobAction.UPDATE), JobType.of(Marketplace.EBAY, JobAction.DELETE))));
    assertEquals("[DEPOP REPRICE, EBAY DELETE, EBAY UPDATE, VINTED PUBLISH]", sorted.toString());
  }
}
