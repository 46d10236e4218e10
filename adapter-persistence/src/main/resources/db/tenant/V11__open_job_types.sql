-- Marketplaces and job actions are open: a host adds its own (a DEPOP marketplace, a REPRICE action) by
-- registering a job handler. The value lists V2, V3, V4, V5 and V8 checked become checks of the names' form,
-- the one rule the domain applies (io.crosslist.domain.TypeName): an upper-case ASCII letter, then up to 39
-- upper-case ASCII letters, digits or underscores (compared in the "C" collation, byte by byte). Every value
-- the lists allowed has that form, so the rows stored before stay valid. Applied again, it changes nothing.
alter table ${tenant}.marketplace_jobs
  drop constraint if exists marketplace_jobs_marketplace_check,
  drop constraint if exists marketplace_jobs_action_check,
  drop constraint if exists marketplace_jobs_marketplace_name,
  drop constraint if exists marketplace_jobs_action_name,
  add constraint marketplace_jobs_marketplace_name check (marketplace collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  add constraint marketplace_jobs_action_name check (action collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$');
alter table ${tenant}.marketplace_listings
  drop constraint if exists marketplace_listings_marketplace_check,
  drop constraint if exists marketplace_listings_marketplace_name,
  add constraint marketplace_listings_marketplace_name check (marketplace collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$');
alter table ${tenant}.marketplace_connections
  drop constraint if exists marketplace_connections_marketplace_check,
  drop constraint if exists marketplace_connections_marketplace_name,
  add constraint marketplace_connections_marketplace_name
    check (marketplace collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$');
alter table ${tenant}.conversation_threads
  drop constraint if exists conversation_threads_marketplace_check,
  drop constraint if exists conversation_threads_marketplace_name,
  add constraint conversation_threads_marketplace_name check (marketplace collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$');
alter table ${tenant}.marketplace_poll_cursors
  drop constraint if exists marketplace_poll_cursors_marketplace_check,
  drop constraint if exists marketplace_poll_cursors_marketplace_name,
  add constraint marketplace_poll_cursors_marketplace_name
    check (marketplace collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$');
