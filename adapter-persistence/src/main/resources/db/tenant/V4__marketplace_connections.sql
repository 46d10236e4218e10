-- A tenant's marketplace accounts. Secrets (tokens, session cookies) are stored only as AEAD
-- ciphertexts bound to (tenant, connection, field): a ciphertext copied to another row, field or
-- tenant does not decrypt. A revoked connection holds no secret at all.
create table ${tenant}.marketplace_connections (
  id                  bigint      generated always as identity primary key,
  marketplace         text        not null check (marketplace in ('VINTED', 'EBAY', 'ETSY')),
  external_account_id text        not null check (char_length(external_account_id) between 1 and 200),
  display_name        text        not null check (char_length(display_name) between 1 and 200),
  status              text        not null check (status in ('CONNECTED', 'EXPIRED', 'REVOKED', 'ERROR')),
  access_token        bytea,
  refresh_token       bytea,
  token_expires_at    timestamptz,
  scopes              text[]      not null default '{}',
  session_cookies     bytea,
  last_keep_alive_at  timestamptz,
  last_error          text        check (char_length(last_error) <= 2000),
  version             bigint      not null default 0,
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  constraint marketplace_connections_revoked_erased
    check (status <> 'REVOKED' or (access_token is null and refresh_token is null and session_cookies is null))
);
-- At most one connection per marketplace that is not revoked.
create unique index marketplace_connections_one_live on ${tenant}.marketplace_connections (marketplace)
  where status <> 'REVOKED';
