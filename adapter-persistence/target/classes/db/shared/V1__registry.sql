-- Shared schema: cross-tenant bookkeeping. Tenant schemas are created by provisioning, never here.
create table crosslist.tenants (
  id             bigint      primary key check (id > 0),
  schema_name    text        not null unique check (schema_name = 'user_' || id),
  status         text        not null check (status in ('ACTIVE', 'SUSPENDED')),
  schema_version integer     not null default 0,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
-- The tenant directory pages through active tenants by id without touching the catalogs.
create index tenants_active_by_id on crosslist.tenants (id) where status = 'ACTIVE';

create table crosslist.tenant_migrations (
  tenant_id   bigint      not null references crosslist.tenants (id),
  version     integer     not null,
  description text        not null,
  checksum    text        not null,
  applied_at  timestamptz not null default now(),
  primary key (tenant_id, version)
);
