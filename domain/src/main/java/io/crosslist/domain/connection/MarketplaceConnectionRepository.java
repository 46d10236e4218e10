package io.crosslist.domain.connection;

import io.crosslist.domain.ConcurrentUpdateException;
import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: a tenant's marketplace connections. Secrets are encrypted before they are stored and
 * decrypted when read; nothing in storage holds them in plaintext. Connected accounts are also kept in
 * a shared index ({@link ConnectedTenantIndex}), in the same transaction.
 */
public interface MarketplaceConnectionRepository {

  /**
   * Stores a new connection.
   *
   * @throws ConnectionAlreadyExistsException when the tenant holds a connection of that marketplace that is
   *     not revoked; nothing is written then
   */
  MarketplaceConnection add(TenantId tenant, MarketplaceConnection connection);

  /**
   * @throws SecretUnreadableException when a stored secret cannot be decrypted
   */
  Optional<MarketplaceConnection> findById(TenantId tenant, ConnectionId id);

  /**
   * The connection, its row locked until the current unit of work ends, so that concurrent changes of
   * one connection (e.g. two token refreshes) run one after the other.
   */
  Optional<MarketplaceConnection> findForUpdate(TenantId tenant, ConnectionId id);

  /**
   * Every connection of the tenant, revoked ones included, by id.
   *
   * @throws SecretUnreadableException when a stored secret cannot be decrypted (or is plaintext); {@link
   *     #summaries} lists such connections
   */
  List<MarketplaceConnection> list(TenantId tenant);

  /**
   * Every connection of the tenant, revoked ones included, by id, without secrets: a connection whose
   * secrets are plaintext or do not decrypt is listed with that {@link SecretState}, never an exception.
   */
  List<ConnectionSummary> summaries(TenantId tenant);

  /** One connection without its secrets, as {@link #summaries} lists it. */
  Optional<ConnectionSummary> findSummary(TenantId tenant, ConnectionId id);

  /**
   * Stores a changed connection (secrets erased when it is revoked) and returns it with its new version.
   *
   * @throws ConcurrentUpdateException when {@code connection.version()} is not the stored one; nothing is written
   */
  MarketplaceConnection update(TenantId tenant, MarketplaceConnection connection);

  /**
   * Revokes a connection that is not revoked yet and erases its secrets in storage, without reading
   * them (so a connection whose secrets no longer decrypt can still be revoked). Returns it revoked;
   * empty when there is no such connection or it was revoked already.
   */
  Optional<MarketplaceConnection> revoke(TenantId tenant, ConnectionId id, Instant at);

  /**
   * Rewrites the tenant's stored secrets that {@code scope} covers with the cipher's current key, in one
   * transaction (rows locked meanwhile). Idempotent: a second pass finds them current. A secret that
   * cannot be read is left as it is and reported as failed. Every row it locks also gets its entry in
   * the connected-accounts index put in step with its status, in the same transaction.
   */
  ResealReport reseal(TenantId tenant, ResealScope scope);

  /**
   * Puts the tenant's entries of the connected-accounts index ({@link ConnectedTenantIndex}) in step
   * with its connections, in one transaction of the tenant: an entry for each CONNECTED connection, none
   * for anything else. Reads no secret. Idempotent: a second run adds and removes nothing.
   */
  ReindexReport reindex(TenantId tenant);
}
