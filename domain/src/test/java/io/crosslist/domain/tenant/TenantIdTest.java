package io.crosslist.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

  @Test
  void the_schema_name_is_user_underscore_id() {
    assertEquals("user_42", TenantId.of(42).schemaName());
    assertEquals(TenantId.of(42), TenantId.parse("42"));
    assertEquals(TenantId.of(Long.MAX_VALUE), TenantId.parse("9223372036854775807"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1; drop schema public", "user_1", "4x", "", " ", "9223372036854775808",
      "99999999999999999999",
      // one tenant, one text: each of these would otherwise be another name for tenant 42 or 123
      " 42 ", "42 ", "\t42", "+42", "042", "00042", "42.0", "4.2e1", "42e0", "0x2a", "٤٢", "١٢٣", "１２３", "४२",
      "42\u0000", "4_2", "4,2", "-0"})
  void anything_but_the_one_canonical_form_is_rejected_with_the_rule(String text) {
    InvalidTenantIdException e = assertThrows(InvalidTenantIdException.class, () -> TenantId.parse(text));
    assertTrue(e.getMessage().startsWith("tenant id "), e.getMessage());
    assertFalse(e.getMessage().contains("\u0000"), "control characters are escaped in the message");
  }

  @Test
  void a_null_text_is_rejected() {
    assertThrows(InvalidTenantIdException.class, () -> TenantId.parse(null));
  }

  @Test
  void zero_and_negative_ids_cannot_be_constructed() {
    assertThrows(InvalidTenantIdException.class, () -> TenantId.of(0));
    assertThrows(InvalidTenantIdException.class, () -> TenantId.of(-5));
  }

  @Test
  void every_id_round_trips_through_its_text() {
    for (long value : new long[] {1, 9, 10, 42, 1_000_000, Long.MAX_VALUE - 1, Long.MAX_VALUE}) {
      assertEquals(TenantId.of(value), TenantId.parse(Long.toString(value)));
    }
  }
}
