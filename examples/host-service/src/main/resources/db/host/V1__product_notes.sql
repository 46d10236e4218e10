-- The example host's own tenant table: a reseller's private notes on a product, one schema per tenant like
-- Crosslist's own tables (written with ${tenant}, applied to every tenant by Crosslist's migration runner).
create table ${tenant}.product_notes (
  id          bigint generated always as identity primary key,
  product_id  bigint      not null,
  body        text        not null check (char_length(body) between 1 and 2000),
  created_at  timestamptz not null default now()
);
create index product_notes_product on ${tenant}.product_notes (product_id, id);
