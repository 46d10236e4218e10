-- Listing suggestions (docs/workflows/ai-suggestions.md): what a suggester proposed for a product on a
-- marketplace, kept until the reseller applies or discards it. Nothing here changes a product by itself. Applied
-- again, it changes nothing.
create table if not exists ${tenant}.listing_suggestions (
  id                bigint      generated always as identity primary key,
  product_id        bigint      not null references ${tenant}.products (id) on delete cascade,
  marketplace       text        not null check (marketplace collate "C" ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  title             text        check (char_length(title) between 1 and 200),
  description       text        check (char_length(description) between 1 and 5000),
  -- reference codes by attribute, as 'name=code' (brand, category, colour, condition, size)
  attributes        text[]      not null default '{}',
  source            text        not null check (char_length(source) between 1 and 200),
  prompt_tokens     integer     not null default 0 check (prompt_tokens >= 0),
  completion_tokens integer     not null default 0 check (completion_tokens >= 0),
  status            text        not null check (status in ('SUGGESTED', 'APPLIED', 'DISCARDED')),
  product_version   bigint      not null,
  -- the bulk job that made it (no foreign key: a suggestion outlives the job's clean-up)
  job_id            bigint,
  created_at        timestamptz not null,
  decided_at        timestamptz,
  check ((status = 'SUGGESTED') = (decided_at is null))
);
create index if not exists listing_suggestions_by_product on ${tenant}.listing_suggestions (product_id, id desc);
create index if not exists listing_suggestions_by_job on ${tenant}.listing_suggestions (job_id) where job_id is not null;
-- The product list of a bulk suggestion job, stored with the job.
create table if not exists ${tenant}.suggestion_runs (
  job_id      bigint      primary key references ${tenant}.marketplace_jobs (id) on delete cascade,
  product_ids bigint[]    not null check (cardinality(product_ids) between 1 and 1000),
  fields      text[]      not null,
  created_at  timestamptz not null
);
