-- Consecutive failed keep-alives of a Vinted web session; the scheduler expires the connection at a threshold.
alter table ${tenant}.marketplace_connections add column keep_alive_failures integer not null default 0
  check (keep_alive_failures >= 0);
