-- The dispatch index: one row per PENDING or RUNNING job of any tenant, so that workers find runnable
-- work without scanning tenant schemas. Written in the same transaction as the job row; removed when
-- the job ends. While a worker holds a job, lease_owner/lease_until say who and until when.
create table crosslist.job_dispatch (
  tenant_id   bigint      not null references crosslist.tenants (id),
  job_id      bigint      not null,
  marketplace text        not null,
  priority    integer     not null,
  run_after   timestamptz not null,
  expires_at  timestamptz,
  lease_owner text,
  lease_until timestamptz,
  primary key (tenant_id, job_id),
  check ((lease_owner is null) = (lease_until is null))
);
-- Waiting work, per tenant in claim order (fair claiming walks tenants, then takes each one's next jobs).
create index job_dispatch_waiting on crosslist.job_dispatch (tenant_id, priority desc, run_after, job_id)
  where lease_owner is null;
-- Held work, for lease rescue and the running caps per tenant and marketplace.
create index job_dispatch_leased on crosslist.job_dispatch (lease_until) where lease_owner is not null;
create index job_dispatch_running on crosslist.job_dispatch (tenant_id, marketplace) where lease_owner is not null;
