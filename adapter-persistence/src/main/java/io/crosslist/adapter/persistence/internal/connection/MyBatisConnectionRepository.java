package io.crosslist.adapter.persistence.internal.connection;

import io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork;
import io.crosslist.adapter.persistence.internal.tenancy.PostgresErrors;
import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.ValidationException;
import io.crosslist.domain.connection.ConnectedTenantIndex;
import io.crosslist.domain.connection.ConnectionAlreadyExistsException;
import io.crosslist.domain.connection.ConnectionId;
import io.crosslist.domain.connection.ConnectionStatus;
import io.crosslist.domain.connection.ConnectionSummary;
import io.crosslist.domain.connection.MarketplaceConnection;
import io.crosslist.domain.connection.MarketplaceConnectionRepository;
import io.crosslist.domain.connection.OAuthTokens;
import io.crosslist.domain.connection.ReindexReport;
import io.crosslist.domain.connection.ResealReport;
import io.crosslist.domain.connection.ResealScope;
import io.crosslist.domain.connection.Secret;
import io.crosslist.domain.connection.SecretCipher;
import io.crosslist.domain.connection.WebSession;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;

/**
 * {@link MarketplaceConnectionRepository} on {@code ${tenant}.marketplace_connections}: secrets are
 * encrypted with the {@link SecretCipher} before they are written and decrypted when read, each bound
 * to (tenant, connection, column). Keeps {@code crosslist.connected_accounts} in the same transaction,
 * which answers {@link ConnectedTenantIndex}; that index is derived data, rebuilt by {@link #reindex}.
 */
@Singleton
public final class MyBatisConnectionRepository implements MarketplaceConnectionRepository, ConnectedTenantIndex {
  public static final String ACCESS_TOKEN = "access_token";
  public static final String REFRESH_TOKEN = "refresh_token";
  public static final String SESSION_COOKIES = "session_cookies";
  private static final String ONE_LIVE_PER_MARKETPLACE = "marketplace_connections_one_live";

  private final MyBatisUnitOfWork sessions;
  private final SecretCipher cipher;
  private final StoredSecrets secrets;

  @Inject
  MyBatisConnectionRepository(MyBatisUnitOfWork sessions, SecretCipher cipher) {
    this.sessions = sessions;
    this.cipher = cipher;
    this.secrets = new StoredSecrets(cipher);
  }

  @Override
  public MarketplaceConnection add(TenantId tenant, MarketplaceConnection connection) {
    if (connection.id() != null) {
      throw new IllegalArgumentException("connection " + connection.id() + " is already stored; use update");
    }
    try {
      return sessions.inTransaction(tenant, () -> {
        // the ciphertexts are bound to the id, so the row is inserted first and sealed in the same transaction
        long id = sessions.call(tenant, s -> connections(s).insert(tenant, toRow(tenant, connection, null)));
        MarketplaceConnection stored = connection.stored(ConnectionId.of(id));
        sessions.call(tenant, s -> connections(s).update(tenant, toRow(tenant, stored, stored.id())));
        index(tenant, stored);
        return withVersion(stored, stored.version() + 1);
      });
    } catch (RuntimeException e) {
      if (PostgresErrors.isUniqueViolation(e, ONE_LIVE_PER_MARKETPLACE)) {
        throw new ConnectionAlreadyExistsException(connection.marketplace());
      }
      throw e;
    }
  }

  @Override
  public Optional<MarketplaceConnection> findById(TenantId tenant, ConnectionId id) {
    return sessions.call(tenant, s -> connections(s).findById(tenant, id.value())).map(row -> toConnection(tenant, row));
  }

  @Override
  public Optional<MarketplaceConnection> findForUpdate(TenantId tenant, ConnectionId id) {
    return sessions.call(tenant, s -> connections(s).findForUpdate(tenant, id.value()))
        .map(row -> toConnection(tenant, row));
  }

  @Override
  public List<MarketplaceConnection> list(TenantId tenant) {
    return sessions.call(tenant, s -> connections(s).list(tenant)).stream().map(row -> toConnection(tenant, row))
        .toList();
  }

  @Override
  public List<ConnectionSummary> summaries(TenantId tenant) {
    return sessions.call(tenant, s -> connections(s).list(tenant)).stream().map(row -> secrets.summarize(tenant, row))
        .toList();
  }

  @Override
  public Optional<ConnectionSummary> findSummary(TenantId tenant, ConnectionId id) {
    return sessions.call(tenant, s -> connections(s).findById(tenant, id.value())).map(row -> secrets.summarize(tenant, row));
  }

  @Override
  public MarketplaceConnection update(TenantId tenant, MarketplaceConnection connection) {
    Objects.requireNonNull(connection.id(), "only a stored connection can be updated");
    return sessions.inTransaction(tenant, () -> {
      int changed = sessions.call(tenant, s -> connections(s).update(tenant, toRow(tenant, connection,
          connection.id())));
      if (changed == 0) {
        throw new ConcurrentUpdateException("marketplace connection", connection.id(), connection.version());
      }
      index(tenant, connection);
      return withVersion(connection, connection.version() + 1);
    });
  }

  @Override
  public Optional<MarketplaceConnection> revoke(TenantId tenant, ConnectionId id, Instant at) {
    Instant when = at.truncatedTo(ChronoUnit.MICROS);
    return sessions.inTransaction(tenant, () -> {
      Optional<MarketplaceConnection> revoked = sessions.call(tenant, s -> connections(s).revoke(tenant, id.value(),
          when)).map(row -> toConnection(tenant, row));
      revoked.ifPresent(c -> index(tenant, c));
      return revoked;
    });
  }

  @Override
  public ResealReport reseal(TenantId tenant, ResealScope scope) {
    Objects.requireNonNull(scope, "scope");
    return sessions.inTransaction(tenant, () -> {
      ResealReport report = ResealReport.EMPTY;
      for (ConnectionRow row : sessions.call(tenant, s -> connections(s).lockSealed(tenant))) {
        ConnectionId id = ConnectionId.of(row.id);
        StoredSecrets.Resealed access = secrets.reseal(tenant, id, ACCESS_TOKEN, row.accessToken, scope);
        StoredSecrets.Resealed refresh = secrets.reseal(tenant, id, REFRESH_TOKEN, row.refreshToken, scope);
        StoredSecrets.Resealed cookies = secrets.reseal(tenant, id, SESSION_COOKIES, row.sessionCookies, scope);
        if (access.changed() || refresh.changed() || cookies.changed()) {
          row.accessToken = access.stored();
          row.refreshToken = refresh.stored();
          row.sessionCookies = cookies.stored();
          sessions.call(tenant, s -> connections(s).rewriteSecrets(tenant, row));
        }
        report = report.plus(access.report()).plus(refresh.report()).plus(cookies.report());
        // the index is derived from the status: a row imported without its entry gets it here
        index(tenant, Marketplace.of(row.marketplace), ConnectionStatus.valueOf(row.status), id);
      }
      return report;
    });
  }

  @Override
  public ReindexReport reindex(TenantId tenant) {
    return sessions.inTransaction(tenant, () -> {
      // The index is read first, then the CONNECTED rows, locked (FOR SHARE) until commit. A connection made
      // or revoked meanwhile is then either seen by both reads, or by the second only (written as read
      // there), or by neither (its own transaction keeps its entry); a change waiting for a locked row
      // writes its entry after this commits. So no entry is deleted that a concurrent connect just made.
      Map<String, Long> indexed = new HashMap<>();
      for (IndexEntry entry : sessions.callShared(s -> connections(s).indexedFor(tenant.value()))) {
        indexed.put(entry.marketplace, entry.connectionId);
      }
      List<ConnectionRow> connected = sessions.call(tenant, s -> connections(s).lockConnected(tenant));
      long added = 0; // an upsert counts only when it wrote: the entry was missing or named another connection
      for (ConnectionRow row : connected) {
        added += sessions.callShared(s -> connections(s).indexConnected(row.marketplace, tenant.value(), row.id));
        indexed.remove(row.marketplace);
      }
      long removed = 0; // what is left names no CONNECTED connection
      for (Map.Entry<String, Long> stale : indexed.entrySet()) {
        removed += sessions.callShared(s -> connections(s).unindex(stale.getKey(), tenant.value(), stale.getValue()));
      }
      return new ReindexReport(connected.size(), added, removed);
    });
  }

  @Override
  public List<TenantId> tenantsConnectedTo(Marketplace marketplace, TenantId after, int limit) {
    Objects.requireNonNull(marketplace, "marketplace");
    if (limit < 1 || limit > 10_000) {
      throw ValidationException.of("limit", "must be between 1 and 10000");
    }
    long afterTenant = after == null ? 0 : after.value();
    return sessions.callShared(s -> connections(s).tenantsConnectedTo(marketplace.name(), afterTenant, limit))
        .stream().map(TenantId::of).toList();
  }

  /** A connected account is in the shared index; any other status takes it out. */
  private void index(TenantId tenant, MarketplaceConnection c) {
    index(tenant, c.marketplace(), c.status(), c.id());
  }

  private void index(TenantId tenant, Marketplace marketplace, ConnectionStatus status, ConnectionId id) {
    if (status == ConnectionStatus.CONNECTED) {
      sessions.callShared(s -> connections(s).indexConnected(marketplace.name(), tenant.value(), id.value()));
    } else {
      sessions.callShared(s -> connections(s).unindex(marketplace.name(), tenant.value(), id.value()));
    }
  }

  /** The row of {@code c}; its secrets are sealed for {@code id}, or left out when there is no id yet. */
  private ConnectionRow toRow(TenantId tenant, MarketplaceConnection c, ConnectionId id) {
    ConnectionRow row = new ConnectionRow();
    row.id = id == null ? 0 : id.value();
    row.marketplace = c.marketplace().name();
    row.externalAccountId = c.externalAccountId();
    row.displayName = c.displayName();
    row.status = c.status().name();
    row.lastError = c.lastError();
    row.version = c.version();
    row.createdAt = c.createdAt();
    row.updatedAt = c.updatedAt();
    row.scopes = List.of();
    OAuthTokens tokens = c.tokens();
    if (tokens != null) {
      row.tokenExpiresAt = tokens.expiresAt();
      row.scopes = List.copyOf(tokens.scopes());
      row.accessToken = seal(tenant, id, ACCESS_TOKEN, tokens.accessToken());
      row.refreshToken = seal(tenant, id, REFRESH_TOKEN, tokens.refreshToken());
    }
    WebSession session = c.session();
    if (session != null) {
      row.lastKeepAliveAt = session.lastKeepAliveAt();
      row.keepAliveFailures = session.failedKeepAlives();
      row.sessionCookies = seal(tenant, id, SESSION_COOKIES, session.cookies());
    }
    return row;
  }

  private byte[] seal(TenantId tenant, ConnectionId id, String field, Secret secret) {
    return id == null || secret == null ? null : cipher.encrypt(secret, new SecretCipher.Context(tenant, id, field));
  }

  private Secret open(TenantId tenant, ConnectionId id, String field, byte[] ciphertext) {
    return ciphertext == null ? null : cipher.decrypt(ciphertext, new SecretCipher.Context(tenant, id, field));
  }

  private MarketplaceConnection toConnection(TenantId tenant, ConnectionRow row) {
    ConnectionId id = ConnectionId.of(row.id);
    OAuthTokens tokens = row.accessToken == null ? null : new OAuthTokens(open(tenant, id, ACCESS_TOKEN,
        row.accessToken), open(tenant, id, REFRESH_TOKEN, row.refreshToken), row.tokenExpiresAt,
        Set.copyOf(row.scopes));
    WebSession session = row.sessionCookies == null ? null
        : new WebSession(open(tenant, id, SESSION_COOKIES, row.sessionCookies), row.lastKeepAliveAt,
            row.keepAliveFailures);
    return MarketplaceConnection.reconstitute(id, Marketplace.of(row.marketplace), row.externalAccountId,
        row.displayName, ConnectionStatus.valueOf(row.status), tokens, session, row.lastError, row.version,
        row.createdAt, row.updatedAt);
  }

  private static MarketplaceConnection withVersion(MarketplaceConnection c, long version) {
    return MarketplaceConnection.reconstitute(c.id(), c.marketplace(), c.externalAccountId(), c.displayName(),
        c.status(), c.tokens(), c.session(), c.lastError(), version, c.createdAt(), c.updatedAt());
  }

  private static ConnectionMapper connections(SqlSession session) {
    return session.getMapper(ConnectionMapper.class);
  }
}
