package io.crosslist.adapter.persistence.internal.connection;

import io.crosslist.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code ${tenant}.marketplace_connections} and the shared {@code crosslist.connected_accounts}. */
public interface ConnectionMapper {

  /** Inserts the row without its secrets (their ciphertexts need the id); returns the id. */
  long insert(@Param("tenant") TenantId tenant, @Param("row") ConnectionRow row);

  Optional<ConnectionRow> findById(@Param("tenant") TenantId tenant, @Param("id") long id);

  Optional<ConnectionRow> findForUpdate(@Param("tenant") TenantId tenant, @Param("id") long id);

  List<ConnectionRow> list(@Param("tenant") TenantId tenant);

  /** Writes every column but the id when the stored version is {@code row.version}; 0 when it is not. */
  int update(@Param("tenant") TenantId tenant, @Param("row") ConnectionRow row);

  /** Revokes a live connection and erases its secrets; returns it, or nothing when there is no live one. */
  Optional<ConnectionRow> revoke(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("at") Instant at);

  /** The rows holding any secret, locked for this transaction. */
  List<ConnectionRow> lockSealed(@Param("tenant") TenantId tenant);

  /** Writes the three secret columns of {@code row.id} as given (ciphertexts), leaving the version alone. */
  int rewriteSecrets(@Param("tenant") TenantId tenant, @Param("row") ConnectionRow row);

  /** The tenant's CONNECTED rows (id and marketplace), locked FOR SHARE for this transaction. */
  List<ConnectionRow> lockConnected(@Param("tenant") TenantId tenant);

  /** The tenant's entries in the shared index. */
  List<IndexEntry> indexedFor(@Param("tenantId") long tenantId);

  /** Upserts the entry; 1 when it wrote (missing, or naming another connection), 0 when it was there already. */
  int indexConnected(@Param("marketplace") String marketplace, @Param("tenantId") long tenantId,
      @Param("connectionId") long connectionId);

  int unindex(@Param("marketplace") String marketplace, @Param("tenantId") long tenantId,
      @Param("connectionId") long connectionId);

  List<Long> tenantsConnectedTo(@Param("marketplace") String marketplace, @Param("afterTenant") long afterTenant,
      @Param("limit") int limit);
}
