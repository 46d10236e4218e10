package io.crosslist.adapter.persistence.internal.job;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on the shared dispatch index {@code crosslist.job_dispatch}; the SQL is in JobDispatchMapper.xml. */
public interface JobDispatchMapper {

  /** Makes a job claimable (again): inserts its entry or resets it to waiting, without a lease. */
  int waiting(@Param("tenantId") long tenantId, @Param("jobId") long jobId, @Param("marketplace") String marketplace,
      @Param("priority") int priority, @Param("runAfter") Instant runAfter, @Param("expiresAt") Instant expiresAt);

  /**
   * Leases up to {@code limit} waiting entries to {@code worker}, fairly: tenants with ready work in
   * id order within ({@code afterTenant}, {@code upToTenant}], at most {@code perTenant} entries each, never more than
   * {@code tenantCap} held per tenant. Skips rows other claimers have locked.
   */
  List<DispatchEntry> claim(@Param("worker") String worker, @Param("afterTenant") long afterTenant,
      @Param("upToTenant") long upToTenant, @Param("limit") int limit, @Param("perTenant") int perTenant,
      @Param("tenantCap") int tenantCap, @Param("marketplaceCap") int marketplaceCap,
      @Param("marketplaces") List<String> marketplaces, @Param("leaseMillis") long leaseMillis);

  /** Extends every lease {@code worker} holds; returns how many. */
  int renew(@Param("worker") String worker, @Param("leaseMillis") long leaseMillis);

  /** Locks the entries of the tenant's jobs {@code jobIds} that exist, in key order; returns their job ids. */
  List<Long> lockEntries(@Param("tenantId") long tenantId, @Param("jobIds") Long[] jobIds);

  /** As {@link #lockEntries}; returns the job ids of the locked entries that are leased (held by a worker). */
  List<Long> lockEntriesReturningHeld(@Param("tenantId") long tenantId, @Param("jobIds") Long[] jobIds);

  /** Leases up to {@code limit} waiting entries past their expiry time to {@code worker} (the expiry sweep). */
  List<DispatchEntry> leaseOverdue(@Param("worker") String worker, @Param("limit") int limit);

  /** Waiting and held entries per marketplace. */
  List<QueueDepthRow> depth();

  /** Up to {@code limit} entries whose lease expired, oldest first (read only: the rescue locks each one). */
  List<DispatchEntry> expiredLeases(@Param("limit") int limit);

  /** Locks the entry if its lease is still expired; null if it was renewed, ended or is locked by another. */
  DispatchEntry lockExpired(@Param("tenantId") long tenantId, @Param("jobId") long jobId);

  /** Ends the entry's lease, whoever holds it. */
  int clearLease(@Param("tenantId") long tenantId, @Param("jobId") long jobId);

  /** Gives a held entry back to waiting at once (its start lost a race). */
  int release(@Param("tenantId") long tenantId, @Param("jobId") long jobId, @Param("worker") String worker);

  /** The entries {@code worker} holds, in key order. */
  List<DispatchEntry> heldBy(@Param("worker") String worker);

  /**
   * Up to {@code limit} tenants within ({@code afterTenant}, {@code upToTenant}], in id order, that hold at least
   * {@code heldAtLeast} leases for attempts and have work ready to run.
   */
  List<Long> tenantsHoldingLeases(@Param("afterTenant") long afterTenant, @Param("upToTenant") long upToTenant,
      @Param("heldAtLeast") int heldAtLeast, @Param("limit") int limit);

  /** Removes the entry if {@code owner} still holds it for the attempt started at {@code attemptStartedAt}. */
  int removeLease(@Param("tenantId") long tenantId, @Param("jobId") long jobId, @Param("owner") String owner,
      @Param("attemptStartedAt") Instant attemptStartedAt);

  /** Removes a job that ended. */
  int remove(@Param("tenantId") long tenantId, @Param("jobId") long jobId);

  /** Removes the entries ({@code tenantIds[i]}, {@code jobIds[i]}); returns how many there were. */
  int removeAll(@Param("tenantIds") Long[] tenantIds, @Param("jobIds") Long[] jobIds);
}
