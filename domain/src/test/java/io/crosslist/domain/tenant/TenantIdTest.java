package io.crosslist.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

  @Test
  void the_schema_name_is_user_underscore_id() {
    assertEquals("user_42", TenantId.of(42).schemaName());
    assertEquals(TenantId.of(42), TenantId.parse(" 42 "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1; drop schema public", "user_1", "4x", "", " ", "1234567890123456789"})
  void anything_but_a_positive_integer_is_rejected_with_the_rule(String text) {
    InvalidTenantIdException e = assertThrows(InvalidTenantIdException.class, () -> TenantId.parse(text));
    assertEquals(true, e.getMessage().startsWith("tenant id "), e.getMessage());
  }

  @Test
  void zero_and_negative_ids_cannot_be_constructed() {
    assertThrows(InvalidTenantIdException.class, () -> TenantId.of(0));
    assertThrows(InvalidTenantIdException.class, () -> TenantId.of(-5));
  }
}
