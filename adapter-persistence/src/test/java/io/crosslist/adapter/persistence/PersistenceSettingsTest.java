package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PersistenceSettingsTest {

  @Test
  void every_bad_setting_is_named_with_its_rule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PersistenceSettings("jdbc:mysql://x/y", null, null, 0, Duration.ofMillis(10), true, 0,
            "{not a keyset", java.util.List.of(), PersistenceSettings.DEFAULT_MIGRATION_LOCK_TIMEOUT, java.util.List.of(), Pooler.NONE,
            CitusSchemas.Mode.OFF));
    assertEquals("invalid persistence settings: jdbcUrl: must start with jdbc:postgresql: (Crosslist runs on "
        + "PostgreSQL only); maximumPoolSize: must be between 1 and 1000, got 0; connectionTimeout: must be "
        + "between 250ms and 10m, got PT0.01S; connectionsPerTenant: must be between 1 and 1000, got 0; secretKeyset: is "
        + "not a Tink JSON keyset of AEAD keys", e.getMessage().substring(0, e.getMessage().indexOf(" (", e.getMessage()
        .indexOf("secretKeyset"))));
    assertEquals("invalid persistence settings: jdbcUrl: is required",
        assertThrows(IllegalArgumentException.class, () -> PersistenceSettings.forJdbcUrl(" ")).getMessage());
  }

  @Test
  void the_password_never_appears_in_logs() {
    String keyset = TinkSecretCipher.newJsonKeyset();
    String text = PersistenceSettings.forJdbcUrl("jdbc:postgresql://db/x").withCredentials("app", "s3cret")
        .withSecretKeyset(keyset).toString();
    assertFalse(text.contains("s3cret"), text);
    assertFalse(text.contains(keyset.substring(keyset.indexOf("\"value\""), keyset.indexOf("\"value\"") + 40)), text);
    assertTrue(text.contains("secretKeyset=set"), text);
  }

  @Test
  void the_test_database_url_keeps_host_and_parameters() {
    assertEquals("jdbc:postgresql://127.0.0.1:5432/t1?user=postgres",
        TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "t1"));
    assertEquals("jdbc:postgresql://db/t1", TestDatabase.withDatabase("jdbc:postgresql://db/", "t1"));
    assertEquals("jdbc:postgresql://db:5433/t1?ssl=true", TestDatabase.withDatabase("jdbc:postgresql://db:5433?ssl=true", "t1"));
    assertThrows(IllegalArgumentException.class, () -> TestDatabase.withDatabase("jdbc:postgresql:postgres", "t1"));
  }
}
