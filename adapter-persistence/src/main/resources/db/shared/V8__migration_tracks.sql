-- Tenant migrations belong to a track: Crosslist's own ('crosslist') and any a host registers. Each tenant's
-- version per track is one row of tenant_tracks, so "which tenants are behind this build" is one indexed
-- query over the registry, not a catalog scan nor a round trip per tenant.
alter table crosslist.tenant_migrations add column track text not null default 'crosslist';
alter table crosslist.tenant_migrations alter column track drop default;
alter table crosslist.tenant_migrations drop constraint tenant_migrations_pkey;
alter table crosslist.tenant_migrations add primary key (tenant_id, track, version);

create table crosslist.tenant_tracks (
  tenant_id  bigint      not null references crosslist.tenants (id),
  track      text        not null,
  version    integer     not null check (version >= 0),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, track)
);
create index tenant_tracks_by_version on crosslist.tenant_tracks (track, version, tenant_id);

insert into crosslist.tenant_tracks (tenant_id, track, version, updated_at)
select id, 'crosslist', schema_version, updated_at from crosslist.tenants where schema_version > 0;
alter table crosslist.tenants drop column schema_version;
