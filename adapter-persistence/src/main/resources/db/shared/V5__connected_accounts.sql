-- Which tenants have a CONNECTED account on which marketplace, so that schedulers find them without
-- scanning tenant schemas. Written in the same transaction as the tenant's connection row.
create table crosslist.connected_accounts (
  marketplace   text   not null,
  tenant_id     bigint not null references crosslist.tenants (id),
  connection_id bigint not null,
  primary key (marketplace, tenant_id)
);
