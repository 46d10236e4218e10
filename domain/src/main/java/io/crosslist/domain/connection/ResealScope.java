package io.crosslist.domain.connection;

/** Which stored secrets a reseal pass rewrites. */
public enum ResealScope {
  /** Ciphertexts made with a key other than the current primary one: decrypted and encrypted again (key rotation). */
  OLD_KEYS,
  /** Secrets left in plaintext by an import from an older store: encrypted. */
  PLAINTEXT
}
