-- The host's per-tenant migrations (crosslist.tenancy.tenantMigrations=db/tenant): every table here is a tenant table.
create table orders (
  id    bigint primary key,
  total numeric(12,2) not null
);
