-- The guard of a fleet migration's one round trip per tenant (TenantMigrations): locks the tenant's registry
-- row, and raises CLM01 unless the tenant is registered and the MD5 of its applied scripts' signature
-- (track/version/checksum, ordered by track in byte order and version, comma-separated) is the expected one.
-- A function rather than a DO block sent with each tenant: PostgreSQL plans its queries once per connection,
-- where an inline block was parsed and planned again for every tenant (a quarter of the server's time per
-- tenant in a fleet migration; see docs/lab-journal.md, tenant fleet).
create or replace function crosslist.require_applied_migrations(p_tenant bigint, p_digest text) returns void
language plpgsql as $$
begin
  perform 1 from crosslist.tenants where id = p_tenant for update;
  if not found or md5(coalesce((select string_agg(m.track || '/' || m.version || '/' || m.checksum, ','
                                                  order by m.track collate "C", m.version)
                                  from crosslist.tenant_migrations m where m.tenant_id = p_tenant), ''))
                  <> p_digest then
    raise exception 'the applied migrations of tenant % are not the expected', p_tenant using errcode = 'CLM01';
  end if;
end
$$;
