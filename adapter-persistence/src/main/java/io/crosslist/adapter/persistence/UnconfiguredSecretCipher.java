package io.crosslist.adapter.persistence;

import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher;

/** The cipher when no keyset is configured: every use says how to configure one; nothing is stored in plaintext. */
final class UnconfiguredSecretCipher implements SecretCipher {
  private static IllegalStateException notConfigured() {
    return new IllegalStateException("no secret keyset is configured, so marketplace credentials cannot be stored or"
        + " read: set PersistenceSettings.withSecretKeyset(json) (CROSSLIST_SECRET_KEYSET for the command line); "
        + "TinkSecretCipher.newJsonKeyset() makes one");
  }

  @Override
  public byte[] encrypt(Secret secret, Context context) {
    throw notConfigured();
  }

  @Override
  public Secret decrypt(byte[] ciphertext, Context context) {
    throw notConfigured();
  }

  @Override
  public boolean isCurrent(byte[] ciphertext) {
    throw notConfigured();
  }

  @Override
  public boolean isCiphertext(byte[] stored) {
    throw notConfigured();
  }
}
