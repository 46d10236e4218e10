-- Per-tenant migrations: ${tenant} becomes the tenant's schema.
create table ${tenant}.products (
  id    bigint primary key,
  title text not null,
  brand text
);
