-- The claim walks each tenant's waiting work per marketplace (the per-(tenant, marketplace) running
-- cap), so the waiting index leads with (tenant_id, marketplace). The heartbeat renews by owner, and
-- the expiry sweep looks for waiting work past its expiry time.
drop index crosslist.job_dispatch_waiting;
create index job_dispatch_waiting on crosslist.job_dispatch (tenant_id, marketplace, priority desc, run_after, job_id)
  where lease_owner is null;
create index job_dispatch_by_owner on crosslist.job_dispatch (lease_owner) where lease_owner is not null;
create index job_dispatch_expiring on crosslist.job_dispatch (expires_at)
  where lease_owner is null and expires_at is not null;
