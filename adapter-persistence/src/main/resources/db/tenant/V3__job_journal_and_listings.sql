-- Where a product is listed on each marketplace, written by the publish / update / delete handlers.
create table ${tenant}.marketplace_listings (
  product_id  bigint      not null references ${tenant}.products (id),
  marketplace text        not null check (marketplace in ('VINTED', 'EBAY', 'ETSY')),
  external_id text        not null,
  url         text        not null,
  status      text        not null check (status in ('ACTIVE', 'DELETED')),
  updated_at  timestamptz not null,
  primary key (product_id, marketplace)
);

-- Orders seen by the orders sync: one row per marketplace order, so a re-run counts nothing twice.
create table ${tenant}.marketplace_orders (
  marketplace text        not null,
  external_id text        not null,
  product_id  bigint      references ${tenant}.products (id),
  quantity    integer     not null check (quantity >= 1),
  total       numeric(12, 2) not null,
  currency    char(3)     not null,
  ordered_at  timestamptz not null,
  primary key (marketplace, external_id)
);
