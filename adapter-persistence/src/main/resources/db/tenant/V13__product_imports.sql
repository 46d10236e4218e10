-- Product imports (a WooCommerce export and the job importing it). Applied again, it changes nothing. A product's SKU keys the import: unique among
-- a tenant's live products, so a re-run updates instead of duplicating (a deleted product frees its SKU).
alter table ${tenant}.products
  add column if not exists sku text check (sku is null or char_length(sku) between 1 and 100);
create unique index if not exists products_sku on ${tenant}.products (sku) where deleted_at is null;

-- One uploaded file and its import. job_id is set when the whole file is stored and its job enqueued; the
-- counts are the checkpoint, written in the transaction of the rows they count.
create table if not exists ${tenant}.product_imports (
  id          bigint generated always as identity primary key,
  format      text        not null check (format in ('WOOCOMMERCE')),
  file_name   text        not null default '' check (char_length(file_name) <= 255),
  file_bytes  bigint      not null default 0 check (file_bytes >= 0),
  rows_total  integer     not null default 0 check (rows_total >= 0),
  currency    char(3)     not null,
  mapping     text        not null default '',
  job_id      bigint      unique references ${tenant}.marketplace_jobs (id) on delete set null,
  rows_done   integer     not null default 0 check (rows_done >= 0),
  created     integer     not null default 0,
  updated     integer     not null default 0,
  unchanged   integer     not null default 0,
  skipped     integer     not null default 0,
  failed      integer     not null default 0,
  issues      integer     not null default 0,
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);

-- The file, in chunks of at most a few hundred KiB: written and read one chunk at a time, by any process.
create table if not exists ${tenant}.product_import_chunks (
  import_id bigint  not null references ${tenant}.product_imports (id) on delete cascade,
  seq       integer not null check (seq >= 0),
  data      bytea   not null,
  primary key (import_id, seq)
);

-- What could not be taken as it is, per row: row number, column, value, rule; row_failed when the row was not
-- imported.
create table if not exists ${tenant}.product_import_issues (
  import_id  bigint  not null references ${tenant}.product_imports (id) on delete cascade,
  position   integer not null,
  row_number integer not null check (row_number >= 1),
  column_name text   not null,
  value      text    not null,
  rule       text    not null,
  row_failed boolean not null,
  primary key (import_id, position)
);

-- Rows later rows refer to (a variable product, for its variations), kept by the import that read them.
create table if not exists ${tenant}.product_import_parents (
  import_id  bigint  not null references ${tenant}.product_imports (id) on delete cascade,
  row_number integer not null,
  source_id  text    not null,
  sku        text    not null,
  fields     text[]  not null,
  primary key (import_id, row_number)
);
create index if not exists product_import_parents_by_source on ${tenant}.product_import_parents (import_id, source_id);
create index if not exists product_import_parents_by_sku on ${tenant}.product_import_parents (import_id, sku);
