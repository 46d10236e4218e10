-- The simulated marketplace (adapter-marketplace, SimulatedMarketplaceGateway) stands in for an external system,
-- so its state lives in a schema of its own, neither the shared schema's bookkeeping nor any tenant's: what a real
-- marketplace keeps on its side. Listing numbers come from a sequence, so a restarted process never hands out an
-- id again; a listing is stored once per (marketplace, account, idempotency key), so a repeated create returns the
-- first listing, whichever process or instance asks.
create schema if not exists crosslist_simulation;
create sequence if not exists crosslist_simulation.listing_numbers;
create table if not exists crosslist_simulation.listings (
  external_id     text        primary key,
  marketplace     text        not null,
  account_id      bigint      not null,
  idempotency_key text        not null,
  number          bigint      not null,
  url             text        not null,
  title           text        not null,
  price_amount    numeric     not null,
  price_currency  text        not null,
  active          boolean     not null,
  listed_at       timestamptz not null,
  unique (marketplace, account_id, idempotency_key)
);
create index if not exists listings_by_account on crosslist_simulation.listings (marketplace, account_id, listed_at);
