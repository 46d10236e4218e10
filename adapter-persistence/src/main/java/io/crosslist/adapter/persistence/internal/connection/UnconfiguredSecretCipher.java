package io.crosslist.adapter.persistence.internal.connection;

import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.SecretsNotConfiguredException;

/** The cipher when no keyset is configured: every use says how to configure one; nothing is stored in plaintext. */
public final class UnconfiguredSecretCipher implements SecretCipher {
  private static SecretsNotConfiguredException notConfigured() {
    return new SecretsNotConfiguredException();
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
