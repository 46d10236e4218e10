package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.adapter.persistence.internal.connection.MyBatisConnectionRepository;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.internal.tenancy.ConnectionPool;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.connection.SecretsNotConfiguredException;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The credentials in a tenant archive. An export only counts them: they stay sealed, never decrypted. A restore
 * under another tenant id re-seals each ciphertext for the new tenant, since its associated data names the tenant
 * it was sealed for ({@link SecretCipher.Context}): decrypted as the source tenant's, encrypted as the new one's,
 * same connection id and field. Plaintext a legacy import left is not bound to a tenant and is copied as it is
 * ({@code crosslist reseal --scope PLAINTEXT} encrypts it).
 */
final class ArchiveSecrets {
  static final String TABLE = "marketplace_connections";
  private static final List<String> FIELDS = List.of(MyBatisConnectionRepository.ACCESS_TOKEN,
      MyBatisConnectionRepository.REFRESH_TOKEN, MyBatisConnectionRepository.SESSION_COOKIES);
  private final SecretCipher cipher;

  ArchiveSecrets(SecretCipher cipher) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  /** How many credentials the tenant stores (0 when its schema has no connections table yet). */
  static int count(Connection c, TenantId tenant, TenantCatalog catalog) throws SQLException {
    if (catalog.tables().stream().noneMatch(t -> t.name().equals(TABLE))) {
      return 0;
    }
    try (Statement st = ConnectionPool.oneShot(c); ResultSet rs = st.executeQuery(TenantSqlRenderer.render(
        "select count(access_token) + count(refresh_token) + count(session_cookies) from ${tenant}." + TABLE, tenant))) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Fails now, before anything is written, when re-sealing will be needed and no keyset is configured.
   *
   * @param why what needs the keyset, for the message
   */
  void requireKeyset(String why) {
    try {
      cipher.isCiphertext(new byte[0]); // the unconfigured cipher refuses every call
    } catch (SecretsNotConfiguredException e) {
      throw new SecretsNotConfiguredException(why);
    }
  }

  /**
   * Re-seals every ciphertext of {@code target}'s connections, which were sealed for {@code source}; in the
   * caller's transaction.
   *
   * @return how many were re-sealed
   * @throws SecretUnreadableException when one does not decrypt with this keyset (named, with what to do)
   */
  int reseal(Connection c, TenantId source, TenantId target) throws SQLException {
    int resealed = 0;
    try (Statement st = ConnectionPool.oneShot(c); ResultSet rs = st.executeQuery(TenantSqlRenderer.render(
        "select id, access_token, refresh_token, session_cookies from ${tenant}." + TABLE + " where access_token"
            + " is not null or refresh_token is not null or session_cookies is not null order by id",
        target));
        PreparedStatement update = c.prepareStatement(TenantSqlRenderer.render("update ${tenant}." + TABLE
            + " set access_token = ?, refresh_token = ?, session_cookies = ? where id = ?", target))) {
      update.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0); // one tenant's text, used once
      while (rs.next()) {
        ConnectionId id = ConnectionId.of(rs.getLong(1));
        for (int i = 0; i < FIELDS.size(); i++) {
          byte[] stored = rs.getBytes(i + 2);
          if (stored != null && cipher.isCiphertext(stored)) {
            stored = resealed(stored, id, FIELDS.get(i), source, target);
            resealed++;
          }
          update.setBytes(i + 1, stored);
        }
        update.setLong(4, id.value());
        update.addBatch();
      }
      update.executeBatch();
    }
    return resealed;
  }

  private byte[] resealed(byte[] sealed, ConnectionId id, String field, TenantId source, TenantId target) {
    try {
      return cipher.encrypt(cipher.decrypt(sealed, new SecretCipher.Context(source, id, field)),
          new SecretCipher.Context(target, id, field));
    } catch (SecretUnreadableException e) {
      throw new SecretUnreadableException("restoring the archive as " + target + " re-seals its credentials, but "
          + e.getMessage() + ": configure the keyset that sealed them at the source, or restore under the source's"
          + " id (" + source.value() + "), which copies them as they are; nothing was imported");
    }
  }
}
