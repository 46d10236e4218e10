-- Orders become what the reseller reads (GET /orders) and the inbox of the orders sync. Each order gets an id
-- (keyset pages), the listing it came through, and a status: RECEIVED (polled, not applied yet), ACCEPTED (its
-- quantity came off the product's stock), OVERSOLD (the product had sold out elsewhere: the reseller cancels it)
-- or UNMATCHED (not a listing of this tenant's products). Orders recorded before this version had their stock
-- taken when they were recorded, so they are ACCEPTED, or UNMATCHED when they named no product.
alter table ${tenant}.marketplace_orders
  add column if not exists id                  bigint generated always as identity,
  add column if not exists listing_external_id text,
  add column if not exists status              text,
  add column if not exists job_id              bigint,
  add column if not exists received_at         timestamptz,
  add column if not exists settled_at          timestamptz;
update ${tenant}.marketplace_orders
   set status = case when product_id is null then 'UNMATCHED' else 'ACCEPTED' end,
       received_at = ordered_at, settled_at = ordered_at
 where status is null;
-- The defaults keep a row inserted as before this version (by SQL carried over from an older back end) valid:
-- such an order had its stock taken when it was recorded.
alter table ${tenant}.marketplace_orders
  alter column status set default 'ACCEPTED',
  alter column status set not null,
  alter column received_at set default now(),
  alter column received_at set not null,
  drop constraint if exists marketplace_orders_status_check,
  add constraint marketplace_orders_status_check check (status in ('RECEIVED', 'ACCEPTED', 'OVERSOLD', 'UNMATCHED'));
create unique index if not exists marketplace_orders_id on ${tenant}.marketplace_orders (id);
create index if not exists marketplace_orders_by_time on ${tenant}.marketplace_orders (ordered_at desc, id desc);

-- A listing withdrawn because its product sold out on another marketplace names the DELETE job that removes
-- it and why, from the moment the job is enqueued (the job's own row may be purged later; this stays).
alter table ${tenant}.marketplace_listings
  add column if not exists withdrawal_job_id       bigint,
  add column if not exists withdrawal_reason       text,
  add column if not exists withdrawal_requested_at timestamptz;
