-- How far the scheduler has polled each marketplace's orders for this tenant (Etsy receipts).
create table ${tenant}.marketplace_poll_cursors (
  marketplace  text        primary key check (marketplace in ('VINTED', 'EBAY', 'ETSY')),
  polled_until timestamptz not null,
  updated_at   timestamptz not null
);
