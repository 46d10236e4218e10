package io.crosslist.adapter.persistence.internal.connection;

import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.ConnectionSummary;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.SecretState;
import io.crosslist.domain.connection.SecretUnreadableException;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the secret columns of {@code marketplace_connections} hold, and rewriting them: whether each is a
 * ciphertext on the current key, on an old one, unreadable or plaintext an import left. Used by the
 * connection repository for reseal passes and for summaries that never fail on a bad secret.
 */
final class StoredSecrets {
  private final SecretCipher cipher;

  StoredSecrets(SecretCipher cipher) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  /** One secret column after a reseal pass: what to store, whether it changed, and what to report. */
  record Resealed(byte[] stored, boolean changed, ResealReport report) {}

  Resealed reseal(TenantId tenant, ConnectionId id, String field, byte[] stored, ResealScope scope) {
    if (stored == null) {
      return new Resealed(null, false, ResealReport.EMPTY);
    }
    SecretCipher.Context context = new SecretCipher.Context(tenant, id, field);
    boolean sealed = cipher.isCiphertext(stored);
    boolean current = sealed && cipher.isCurrent(stored);
    boolean inScope = scope == ResealScope.PLAINTEXT ? !sealed : sealed && !current;
    if (!inScope) { // counted as what it is: plaintext is never "current", whatever the scope
      return new Resealed(stored, false, current ? new ResealReport(1, 0, 1, 0, 0, 0, List.of())
          : !sealed ? new ResealReport(1, 0, 0, 1, 0, 0, List.of()) : new ResealReport(1, 0, 0, 0, 1, 0, List.of()));
    }
    try {
      Secret secret = sealed ? cipher.decrypt(stored, context)
          : Secret.of(field, new String(stored, StandardCharsets.UTF_8));
      return new Resealed(cipher.encrypt(secret, context), true, new ResealReport(1, 1, 0, 0, 0, 0, List.of()));
    } catch (SecretUnreadableException e) { // left as it is, and reported
      return new Resealed(stored, false, new ResealReport(1, 0, 0, 0, 0, 1, List.of(e.getMessage())));
    } catch (ValidationException e) { // plaintext that is no valid secret (blank, too long)
      return new Resealed(stored, false, new ResealReport(1, 0, 0, 0, 0, 1, List.of("the " + context + " is plaintext"
          + " that is not a valid secret: " + e.getMessage())));
    }
  }

  /**
   * The row without its secrets, and what they are like: each is looked at (is it a ciphertext, does it
   * decrypt) and dropped, so a plaintext or unreadable secret is reported, never thrown.
   */
  ConnectionSummary summarize(TenantId tenant, ConnectionRow row) {
    ConnectionId id = ConnectionId.of(row.id);
    SecretState state = SecretState.NONE;
    List<String> problems = new ArrayList<>();
    String[] fields = {MyBatisConnectionRepository.ACCESS_TOKEN, MyBatisConnectionRepository.REFRESH_TOKEN,
        MyBatisConnectionRepository.SESSION_COOKIES};
    byte[][] stored = {row.accessToken, row.refreshToken, row.sessionCookies};
    for (int i = 0; i < fields.length; i++) {
      if (stored[i] == null) {
        continue;
      }
      SecretCipher.Context context = new SecretCipher.Context(tenant, id, fields[i]);
      if (!cipher.isCiphertext(stored[i])) {
        problems.add("the " + context + " is stored in plaintext");
        state = state == SecretState.UNREADABLE ? state : SecretState.PLAINTEXT;
        continue;
      }
      try {
        cipher.decrypt(stored[i], context); // only whether it decrypts; the secret is dropped at once
        state = state == SecretState.NONE ? SecretState.SEALED : state;
      } catch (SecretUnreadableException e) { // a reseal cannot repair it, so it outranks plaintext
        problems.add(e.getMessage());
        state = SecretState.UNREADABLE;
      }
    }
    return new ConnectionSummary(id, Marketplace.of(row.marketplace), row.externalAccountId, row.displayName,
        ConnectionStatus.valueOf(row.status), state, problems.isEmpty() ? null : String.join("; ", problems),
        // shown as toConnection would: token details with a stored token, keep-alives with a stored session
        row.accessToken == null ? null : row.tokenExpiresAt, row.accessToken == null ? Set.of() : Set.copyOf(row.scopes),
        row.sessionCookies == null ? null : row.lastKeepAliveAt, row.lastError, row.version, row.createdAt,
        row.updatedAt);
  }
}
