package io.crosslist.adapter.persistence;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.SecretUnreadableException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * {@link SecretCipher} on a Tink AEAD keyset (AES-GCM keys). Every ciphertext starts with Tink's
 * 5-byte prefix: a version byte and the id of the key that made it, so a keyset that holds an old key
 * and a new primary one reads both, and {@link #isCurrent} tells which secrets still await
 * re-encryption. The keyset comes from configuration (Tink's JSON format), never from code:
 *
 * <pre>{@code
 * SecretCipher cipher = TinkSecretCipher.fromJsonKeyset(Files.readString(Path.of("/run/secrets/crosslist-keyset.json")));
 * }</pre>
 *
 * <p>{@link #newJsonKeyset()} makes a keyset with one fresh AES-256-GCM key, for first set-up and tests.
 */
public final class TinkSecretCipher implements SecretCipher {
  private static final int PREFIX_LENGTH = 5;
  private static final byte TINK_PREFIX_VERSION = 1;
  /** A 12-byte IV and a 16-byte tag. */
  private static final int MIN_AES_GCM_OVERHEAD = 28;

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Aead aead;
  private final int primaryKeyId;

  private TinkSecretCipher(KeysetHandle keyset) throws GeneralSecurityException {
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.primaryKeyId = keyset.getPrimary().getId();
  }

  /**
   * @throws IllegalArgumentException naming the problem when {@code json} is not a Tink AEAD keyset
   */
  public static TinkSecretCipher fromJsonKeyset(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("secretKeyset: is empty");
    }
    try {
      return new TinkSecretCipher(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | RuntimeException e) {
      // only the kind of error: a parser's message may quote the text, and the text is key material
      throw new IllegalArgumentException("secretKeyset: is not a Tink JSON keyset of AEAD keys ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** A keyset with one new AES-256-GCM key, in Tink's JSON format. Store it as a secret. */
  public static String newJsonKeyset() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not generate a keyset", e);
    }
  }

  /**
   * {@code keyset} with a new AES-256-GCM key added and made primary: new secrets are encrypted with it,
   * and the old keys still decrypt until rotation has re-encrypted everything.
   */
  public static String withNewPrimaryKey(String keysetJson) {
    try {
      KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
      KeysetHandle rotated = KeysetHandle.newBuilder(current)
          .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
              .makePrimary())
          .build();
      return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) { // reported without the text, as in fromJsonKeyset
      throw new IllegalArgumentException("secretKeyset: could not add a key (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public byte[] encrypt(Secret secret, Context context) {
    Objects.requireNonNull(secret, "secret");
    try {
      return aead.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8), context.associatedData());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt the " + context, e);
    }
  }

  @Override
  public Secret decrypt(byte[] ciphertext, Context context) {
    try {
      return Secret.of(context.field(), new String(aead.decrypt(ciphertext, context.associatedData()),
          StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new SecretUnreadableException("the " + context + " cannot be decrypted: it was encrypted for another"
          + " tenant, connection or field, with a key this keyset does not hold, or it was altered");
    }
  }

  @Override
  public boolean isCurrent(byte[] ciphertext) {
    return ciphertext.length > PREFIX_LENGTH && ciphertext[0] == TINK_PREFIX_VERSION && keyIdOf(ciphertext) == primaryKeyId;
  }

  /**
   * Tink's ciphertexts start with the version byte 0x01; legacy plaintext (a token or a cookie header) is
   * printable text, which never starts with that control character. Shorter than an AES-GCM ciphertext
   * with its prefix, IV and tag, it cannot be one either.
   */
  @Override
  public boolean isCiphertext(byte[] stored) {
    return stored.length >= PREFIX_LENGTH + MIN_AES_GCM_OVERHEAD && stored[0] == TINK_PREFIX_VERSION;
  }

  private static int keyIdOf(byte[] ciphertext) {
    return ((ciphertext[1] & 0xff) << 24) | ((ciphertext[2] & 0xff) << 16) | ((ciphertext[3] & 0xff) << 8)
        | (ciphertext[4] & 0xff);
  }
}
