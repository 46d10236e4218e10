package io.crosslist.domain.job;

import io.crosslist.domain.Violations;
import io.crosslist.domain.marketplace.Marketplace;
import io.crosslist.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Out-port: the claim side of the jobs engine. Workers of every instance claim runnable jobs of all
 * tenants from one dispatch index, without scanning tenant schemas, and never the same job twice
 * at the same time.
 */
public interface JobQueue {

  /**
   * The dispatch: leases up to {@code request.limit()} runnable jobs to {@code worker}, touching the
   * shared dispatch index only, never a tenant's schema, so that its cost does not grow with the number
   * of tenants. Fair across tenants: each tenant with runnable work gets at most {@code perTenant} jobs
   * per claim and never more than {@code tenantCap} held at once (nor {@code marketplaceCap} on one
   * marketplace), so a tenant with a long queue cannot delay another tenant's job beyond one claim.
   * Jobs past their expiry time are not leased, nor jobs of a marketplace {@code request} does not name (the
   * claimer serves none of their types: they wait for a worker that does). A lease is the job's running attempt: from here on the
   * job reads as RUNNING with one attempt more, until {@code worker} ends the attempt or {@linkplain
   * #giveBack gives the lease back} (no attempt counted), or the lease expires (the rescue counts the
   * attempt, so a job whose worker dies every time still uses up its attempts).
   */
  List<Lease> lease(String worker, ClaimRequest request);

  /**
   * The jobs of one tenant that {@code worker} leased, as their running attempts ({@code
   * MarketplaceJob.start}: RUNNING, one attempt more), read from the tenant's schema with one statement
   * however many there are. Returns the started ones; a leased job that can no longer start (finished or
   * cancelled meanwhile) is left out and its entry removed or given back.
   */
  List<ClaimedJob> start(String worker, TenantId tenant, List<Lease> leases);

  /** Gives back a leased job that was not started: claimable again at once. False when the lease was lost. */
  boolean giveBack(String worker, Lease lease);

  /**
   * Ends every lease {@code worker} still holds, for a worker that stops: the entries of its jobs that ended are
   * removed (a success's entry stays leased until the queue's next call), and the others are given back,
   * claimable at once, their attempts not counted. Returns how many it gave back. A clean stop leaves no lease
   * behind, so nothing counts against a tenant's caps until a lease expires.
   */
  int endLeases(String worker);

  /**
   * Removes the leased entries of jobs that already ended. A worker that dies between storing a job's outcome
   * and removing its entry leaves the entry leased, and until the lease expired it would count against the
   * tenant's running caps and hold the tenant's next jobs back. Looks, in turns, at up to {@code tenants} tenants
   * that have work waiting and hold at least {@code heldAtLeast} leases (the ones a cap can hold back), with one
   * statement each in the tenant's schema. Returns how many entries it removed.
   */
  int removeEndedLeases(int tenants, int heldAtLeast);

  /** {@link #lease} and {@link #start} of every tenant leased, in one call: the claim of tests and simple callers. */
  default List<ClaimedJob> claim(String worker, ClaimRequest request) {
    Map<TenantId, List<Lease>> byTenant = new LinkedHashMap<>();
    for (Lease lease : lease(worker, request)) {
      byTenant.computeIfAbsent(lease.tenant(), t -> new ArrayList<>()).add(lease);
    }
    List<ClaimedJob> started = new ArrayList<>();
    byTenant.forEach((tenant, leases) -> started.addAll(start(worker, tenant, leases)));
    return started;
  }

  /**
   * A job leased to a worker: its running attempt, which {@link #start} turns into the job to run.
   *
   * @param tenant whose job it is
   * @param job the job
   * @param marketplace its marketplace (from the dispatch index)
   * @param attemptStartedAt when the attempt started: the lease's time (the job's {@code startedAt})
   */
  record Lease(TenantId tenant, JobId job, Marketplace marketplace, java.time.Instant attemptStartedAt) {
    public Lease {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(marketplace, "marketplace");
      Objects.requireNonNull(attemptStartedAt, "attemptStartedAt");
    }
  }

  /**
   * Stores the successes of claimed attempts of one tenant, together: each completion's job is the running
   * job's {@code complete(...)} (same attempts), stored with its batch count and the day's statistics
   * ({@code handlerTime} added to them), or nothing for a job that moved on meanwhile (its lease expired and
   * it was rescued). All in one step for the tenant, however many there are. The jobs' dispatch entries stay
   * held by their worker, unclaimable, until the queue removes finished entries in bulk on its next call; a
   * stale entry left by a process that died meanwhile is removed when it is next claimed.
   *
   * @return the jobs stored as COMPLETED; the others moved on, and their outcomes are dropped
   */
  Set<JobId> complete(TenantId tenant, List<Completion> completions);

  /** {@link #complete(TenantId, List)} of one job: true when stored, false when the job moved on. */
  default boolean complete(TenantId tenant, MarketplaceJob completed, Duration handlerTime) {
    return complete(tenant, List.of(new Completion(completed, handlerTime))).contains(completed.id());
  }

  /**
   * A successful attempt to store.
   *
   * @param completed the running job's {@code complete(...)}: COMPLETED, with its id and finish time
   * @param handlerTime how long the handler ran (added to the statistics)
   */
  record Completion(MarketplaceJob completed, Duration handlerTime) {
    public Completion {
      Objects.requireNonNull(completed, "completed");
      Objects.requireNonNull(handlerTime, "handlerTime");
      if (completed.id() == null || completed.status() != JobStatus.COMPLETED || completed.finishedAt() == null) {
        throw new IllegalArgumentException("expected a stored COMPLETED job, got " + completed.status() + " job "
            + completed.id());
      }
    }
  }

  /**
   * Extends the lease of every job {@code worker} holds to {@code now + lease}: the heartbeat of a
   * live worker. Returns how many leases it renewed.
   */
  int renewLeases(String worker, Duration lease);

  /** Ends up to {@code limit} waiting jobs whose expiry time has passed (PENDING to EXPIRED); returns how many. */
  int expireOverdue(int limit);

  /** Waiting and held jobs per marketplace across all tenants, from the dispatch index (for metrics). */
  List<QueueDepth> depth();

  /**
   * How much work one marketplace has queued.
   *
   * @param waiting PENDING jobs (runnable now or later)
   * @param held jobs leased to a worker (RUNNING)
   */
  record QueueDepth(Marketplace marketplace, long waiting, long held) {}

  /**
   * Gives back jobs whose lease expired (their worker died): each goes back to PENDING to run again,
   * or FAILED when its attempts are used up. Returns how many were rescued.
   */
  int rescueExpiredLeases(int limit);

  /**
   * A job a worker now holds.
   *
   * @param tenant whose job it is
   * @param job the job, RUNNING
   */
  record ClaimedJob(TenantId tenant, MarketplaceJob job) {
    public ClaimedJob {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(job, "job");
    }
  }

  /**
   * @param limit jobs per claim, 1 to 1,000
   * @param perTenant jobs of one tenant per claim, 1 to limit
   * @param tenantCap running jobs of one tenant across all workers, at least perTenant
   * @param marketplaceCap running jobs of one tenant on one marketplace across all workers (marketplaces
   *     rate-limit per account), 1 to tenantCap
   * @param lease how long a claimed job stays held without renewal, 1 s to 1 h
   * @param marketplaces the marketplaces whose jobs may be leased: those the claimer has handlers for, at least one
   *     (a repeated one counts once)
   */
  record ClaimRequest(int limit, int perTenant, int tenantCap, int marketplaceCap, Duration lease,
      List<Marketplace> marketplaces) {
    /** A request without a separate marketplace cap (it equals {@code tenantCap}). */
    public ClaimRequest(int limit, int perTenant, int tenantCap, Duration lease, List<Marketplace> marketplaces) {
      this(limit, perTenant, tenantCap, tenantCap, lease, marketplaces);
    }

    public ClaimRequest {
      Violations v = new Violations();
      v.require(limit >= 1 && limit <= 1_000, "limit", "must be between 1 and 1000");
      v.require(perTenant >= 1 && perTenant <= limit, "perTenant", "must be between 1 and limit");
      v.require(tenantCap >= perTenant, "tenantCap", "must be at least perTenant");
      v.require(marketplaceCap >= 1 && marketplaceCap <= tenantCap, "marketplaceCap", "must be between 1 and tenantCap");
      v.require(lease != null && lease.compareTo(Duration.ofSeconds(1)) >= 0 && lease.compareTo(Duration.ofHours(1)) <= 0,
          "lease", "must be between 1s and 1h");
      v.require(marketplaces != null && !marketplaces.isEmpty() && marketplaces.stream().noneMatch(Objects::isNull),
          "marketplaces", "must name at least one marketplace, and no null");
      v.throwIfAny();
      marketplaces = List.copyOf(new java.util.LinkedHashSet<>(marketplaces));
    }
  }
}
