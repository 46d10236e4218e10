package io.crosslist.domain.connection;

import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Out-port: authenticated encryption of secrets at rest. The ciphertext names the key that made it,
 * and is bound to its {@link Context}: decrypting it for another tenant, connection or field fails.
 *
 * <pre>{@code
 * byte[] sealed = cipher.encrypt(token, new SecretCipher.Context(tenant, connectionId, "access_token"));
 * Secret same = cipher.decrypt(sealed, new SecretCipher.Context(tenant, connectionId, "access_token"));
 * }</pre>
 */
public interface SecretCipher {

  byte[] encrypt(Secret secret, Context context);

  /**
   * @throws SecretUnreadableException when {@code ciphertext} was made for another context, with a key the
   *     keyset no longer holds, or was altered
   */
  Secret decrypt(byte[] ciphertext, Context context);

  /** Whether {@code ciphertext} was made with the current primary key (for key rotation). */
  boolean isCurrent(byte[] ciphertext);

  /**
   * Whether {@code stored} is a ciphertext in this cipher's format (made with any key), as opposed to
   * legacy plaintext written by an import from an older store.
   */
  boolean isCiphertext(byte[] stored);

  /**
   * What a ciphertext is bound to.
   *
   * @param field the secret's name, e.g. {@code access_token}
   */
  record Context(TenantId tenant, ConnectionId connection, String field) {
    public Context {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(field, "field");
    }

    /** The associated data: {@code crosslist/v1/tenant=<id>/connection=<id>/field=<name>}. */
    public byte[] associatedData() {
      return ("crosslist/v1/tenant=" + tenant.value() + "/connection=" + connection.value() + "/field=" + field)
          .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return field + " of connection " + connection + " of " + tenant;
    }
  }
}
