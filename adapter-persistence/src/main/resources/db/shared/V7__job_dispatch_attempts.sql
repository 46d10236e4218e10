-- A running attempt lives in its dispatch entry, not in the job row: the claim that leases an entry to a
-- worker stamps attempt_started_at, and while it is set the job reads as RUNNING (its row stays PENDING with
-- the attempts finished so far, and is written once, when the attempt ends). The expiry sweep's leases and
-- waiting entries leave it null.
alter table crosslist.job_dispatch add column attempt_started_at timestamptz;
alter table crosslist.job_dispatch add constraint job_dispatch_attempt_is_leased
  check (attempt_started_at is null or lease_owner is not null);
