package io.crosslist.domain.connection;

/**
 * What a stored connection's secrets are like, read without showing them: so that a connection an
 * import left in plaintext, or one the keyset cannot decrypt, is listed as such instead of failing.
 */
public enum SecretState {
  /** Every secret is a ciphertext this keyset decrypts. */
  SEALED,
  /**
   * At least one secret is stored in plaintext (an import from an older store wrote it so); the others
   * decrypt. A reseal with {@link ResealScope#PLAINTEXT} encrypts it.
   */
  PLAINTEXT,
  /**
   * At least one secret does not decrypt: made with a key the keyset no longer holds, copied from
   * another row, field or tenant, or altered. A reseal cannot help; the right keyset or a new
   * connection can.
   */
  UNREADABLE,
  /** The connection holds no secret (it is revoked). */
  NONE
}
