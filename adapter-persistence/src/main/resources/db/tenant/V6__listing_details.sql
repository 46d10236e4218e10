-- A listing records its price and when it was published, sold and removed; SOLD joins the statuses.
alter table ${tenant}.marketplace_listings
  add column listed_price_amount   numeric(12, 2),
  add column listed_price_currency char(3),
  add column published_at          timestamptz,
  add column sold_at               timestamptz,
  add column removed_at            timestamptz,
  drop constraint marketplace_listings_status_check,
  add constraint marketplace_listings_status_check check (status in ('ACTIVE', 'SOLD', 'DELETED'));
-- listings recorded before this version were published when they were last written
update ${tenant}.marketplace_listings set published_at = updated_at where published_at is null;
alter table ${tenant}.marketplace_listings alter column published_at set not null;
