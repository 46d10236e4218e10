-- A tenant's products. Rendered per tenant: ${tenant} becomes the tenant's quoted schema.
-- Reference codes name rows of shared tables (read-only, checked by the product statements); nothing points
-- at another tenant's schema.
create table ${tenant}.products (
  id             bigint generated always as identity primary key,
  title          text          not null check (char_length(title) between 1 and 200),
  description    text          not null default '' check (char_length(description) <= 5000),
  price_amount   numeric(12,2) not null check (price_amount >= 0),
  price_currency char(3)       not null,
  brand_code     text,
  category_code  text not null,
  condition_code text not null,
  size_code      text,
  colour_code    text,
  stock_quantity integer       not null check (stock_quantity >= 0),
  image_urls     text[]        not null default '{}' check (cardinality(image_urls) <= 20),
  status         text          not null check (status in ('DRAFT', 'PUBLISHED', 'SOLD', 'ARCHIVED')),
  created_at     timestamptz   not null,
  updated_at     timestamptz   not null,
  version        bigint        not null default 0,
  deleted_at     timestamptz
);
-- Pages are read newest first among live products.
create index products_live_by_id on ${tenant}.products (id desc) where deleted_at is null;
-- Abandoned-draft clean-up.
create index products_drafts_by_update on ${tenant}.products (updated_at) where status = 'DRAFT' and deleted_at is null;
