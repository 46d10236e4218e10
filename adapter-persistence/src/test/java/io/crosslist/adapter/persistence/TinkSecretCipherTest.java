package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher.Context;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

class TinkSecretCipherTest {
  private static final Context TOKEN_OF_1 = new Context(TenantId.of(1), ConnectionId.of(7), "access_token");
  private final String keyset = TinkSecretCipher.newJsonKeyset();
  private final TinkSecretCipher cipher = TinkSecretCipher.fromJsonKeyset(keyset);

  @Test
  void a_secret_decrypts_only_in_the_context_it_was_encrypted_for() {
    byte[] sealed = cipher.encrypt(Secret.of("t", "tok-123"), TOKEN_OF_1);
    assertEquals("tok-123", cipher.decrypt(sealed, TOKEN_OF_1).reveal());
    for (Context other : new Context[] {new Context(TenantId.of(2), ConnectionId.of(7), "access_token"),
        new Context(TenantId.of(1), ConnectionId.of(8), "access_token"),
        new Context(TenantId.of(1), ConnectionId.of(7), "refresh_token")}) {
      assertThrows(SecretUnreadableException.class, () -> cipher.decrypt(sealed, other), other.toString());
    }
    sealed[sealed.length - 1] ^= 1;
    assertThrows(SecretUnreadableException.class, () -> cipher.decrypt(sealed, TOKEN_OF_1), "altered");
  }

  @Test
  void after_a_new_primary_key_old_ciphertexts_still_read_and_are_reported_as_not_current() {
    byte[] old = cipher.encrypt(Secret.of("t", "before"), TOKEN_OF_1);
    assertTrue(cipher.isCurrent(old));
    TinkSecretCipher rotated = TinkSecretCipher.fromJsonKeyset(TinkSecretCipher.withNewPrimaryKey(keyset));
    assertFalse(rotated.isCurrent(old));
    assertEquals("before", rotated.decrypt(old, TOKEN_OF_1).reveal());
    byte[] fresh = rotated.encrypt(Secret.of("t", "after"), TOKEN_OF_1);
    assertTrue(rotated.isCurrent(fresh));
    assertThrows(SecretUnreadableException.class, () -> cipher.decrypt(fresh, TOKEN_OF_1),
        "the old keyset does not hold the new key");
  }

  @Test
  void a_bad_keyset_is_refused_with_the_setting_named_and_no_key_material() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TinkSecretCipher.fromJsonKeyset("{\"primaryKeyId\": 1}"));
    assertTrue(e.getMessage().startsWith("secretKeyset: is not a Tink JSON keyset of AEAD keys"), e.getMessage());
    assertEquals("secretKeyset: is empty", assertThrows(IllegalArgumentException.class,
        () -> TinkSecretCipher.fromJsonKeyset(" ")).getMessage());
  }
}
