-- One row per recurring task: when its next tick is due and which instance runs the current one, so
-- that each tick runs once across every instance on this database. A tick is taken by one
-- compare-and-set statement (no session locks, so it works behind PgBouncer transaction pooling).
create table crosslist.scheduled_ticks (
  task             text        primary key,
  next_run_at      timestamptz not null,
  running_by       text,
  running_until    timestamptz,
  last_started_at  timestamptz,
  last_finished_at timestamptz
);
