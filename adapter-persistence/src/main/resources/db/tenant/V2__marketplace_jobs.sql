-- Marketplace jobs of one tenant: users watch them, so they live in the tenant's schema.
-- Workers find runnable jobs through crosslist.job_dispatch (shared), written in the same transaction.
create table ${tenant}.marketplace_batches (
  id          bigint generated always as identity primary key,
  description text        not null default '' check (char_length(description) <= 200),
  pending     integer     not null default 0 check (pending >= 0),
  running     integer     not null default 0 check (running >= 0),
  completed   integer     not null default 0 check (completed >= 0),
  failed      integer     not null default 0 check (failed >= 0),
  cancelled   integer     not null default 0 check (cancelled >= 0),
  expired     integer     not null default 0 check (expired >= 0),
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);

create table ${tenant}.marketplace_jobs (
  id               bigint generated always as identity primary key,
  marketplace      text        not null check (marketplace in ('VINTED', 'EBAY', 'ETSY')),
  action           text        not null check (action in ('PUBLISH', 'UPDATE', 'DELETE', 'IMPORT_PRODUCTS',
                                                          'ENRICH_PRODUCTS', 'SYNC_ORDERS')),
  product_id       bigint      references ${tenant}.products (id),
  batch_id         bigint      references ${tenant}.marketplace_batches (id),
  status           text        not null check (status in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED',
                                                          'CANCELLED', 'EXPIRED')),
  priority         integer     not null check (priority between -100 and 100),
  attempts         integer     not null check (attempts >= 0),
  max_attempts     integer     not null check (max_attempts >= 1),
  run_after        timestamptz not null,
  expires_at       timestamptz,
  progress_done    integer     not null default 0,
  progress_total   integer     not null default 0,
  progress_message text        not null default '',
  cancel_requested boolean     not null default false,
  last_error       text,
  result           jsonb,
  idempotency_key  text,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  started_at       timestamptz,
  finished_at      timestamptz
);
-- Enqueuing the same key twice yields the first job.
create unique index marketplace_jobs_idempotency on ${tenant}.marketplace_jobs (idempotency_key)
  where idempotency_key is not null;
create index marketplace_jobs_by_status on ${tenant}.marketplace_jobs (status, id desc);
create index marketplace_jobs_by_batch on ${tenant}.marketplace_jobs (batch_id, id desc) where batch_id is not null;

-- Ordered steps of a job: a retried job resumes after its last completed step.
create table ${tenant}.marketplace_tasks (
  job_id     bigint      not null references ${tenant}.marketplace_jobs (id) on delete cascade,
  position   integer     not null check (position >= 1),
  name       text        not null check (char_length(name) between 1 and 100),
  status     text        not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
  result     jsonb,
  updated_at timestamptz not null,
  primary key (job_id, position)
);

create table ${tenant}.marketplace_error_log (
  id          bigint generated always as identity primary key,
  marketplace text        not null,
  job_id      bigint,
  error_type  text        not null,
  message     text        not null,
  details     text,
  occurred_at timestamptz not null
);
create index marketplace_error_log_by_time on ${tenant}.marketplace_error_log (occurred_at desc);

create table ${tenant}.job_statistics (
  day               date    not null,
  marketplace       text    not null,
  action            text    not null,
  succeeded         integer not null default 0,
  failed            integer not null default 0,
  total_duration_ms bigint  not null default 0,
  primary key (day, marketplace, action)
);
