package io.crosslist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UniqueIndexTest {
  interface Gateway {
    String marketplace();
  }

  record Ebay(String marketplace) implements Gateway {}

  record Etsy(String marketplace) implements Gateway {}

  @Test
  void values_are_found_by_their_key_and_keep_the_order_they_were_given_in() {
    Gateway etsy = new Etsy("ETSY");
    Gateway ebay = new Ebay("EBAY");
    UniqueIndex<String, Gateway> index = UniqueIndex.of("gateways", List.of(etsy, ebay), Gateway::marketplace);

    assertEquals(Optional.of(ebay), index.find("EBAY"));
    assertEquals(Optional.empty(), index.find("VINTED"));
    assertTrue(index.contains("ETSY"));
    assertFalse(index.contains("VINTED"));
    assertEquals(List.of("ETSY", "EBAY"), List.copyOf(index.keys()));
    assertEquals(List.of(etsy, ebay), index.values());
    assertEquals(2, index.size());
  }

  @Test
  void keys_are_compared_with_equals_not_identity() {
    UniqueIndex<String, Gateway> index = UniqueIndex.of("gateways", List.of(new Ebay(new String("EBAY"))),
        Gateway::marketplace);
    assertTrue(index.find(new String("EBAY")).isPresent());
  }

  @Test
  void a_second_value_for_a_key_is_refused_naming_the_key_and_both_classes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UniqueIndex.of("OAuth gateways",
        List.of(new Ebay("EBAY"), new Etsy("EBAY")), Gateway::marketplace));
    assertEquals("two OAuth gateways for EBAY: " + Ebay.class.getName() + " and " + Etsy.class.getName(),
        e.getMessage());
  }

  @Test
  void a_value_without_a_key_or_a_null_value_is_refused_with_what_it_is() {
    IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
        () -> UniqueIndex.of("OAuth gateways", List.of(new Ebay(null)), Gateway::marketplace));
    assertEquals("OAuth gateways: " + Ebay.class.getName() + " has no key (null)", noKey.getMessage());
    NullPointerException nullValue = assertThrows(NullPointerException.class,
        () -> UniqueIndex.of("OAuth gateways", Arrays.asList(new Ebay("EBAY"), null), Gateway::marketplace));
    assertEquals("OAuth gateways must not contain null", nullValue.getMessage());
  }

  @Test
  void the_index_cannot_be_changed_through_its_views() {
    UniqueIndex<String, Gateway> index = UniqueIndex.of("gateways", List.of(new Ebay("EBAY")), Gateway::marketplace);
    assertThrows(UnsupportedOperationException.class, () -> index.keys().clear());
    assertThrows(UnsupportedOperationException.class, () -> index.values().clear());
  }
}
