-- Marketplace conversations, synced from the marketplaces; stored once per external id.
create table ${tenant}.conversation_threads (
  id                  bigint      generated always as identity primary key,
  marketplace         text        not null check (marketplace in ('VINTED', 'EBAY', 'ETSY')),
  external_id         text        not null check (char_length(external_id) between 1 and 200),
  buyer_name          text        not null check (char_length(buyer_name) between 1 and 200),
  listing_external_id text        check (char_length(listing_external_id) between 1 and 200),
  unread_count        integer     not null check (unread_count >= 0),
  last_message_at     timestamptz not null,
  updated_at          timestamptz not null,
  unique (marketplace, external_id)
);
create index conversation_threads_by_last_message on ${tenant}.conversation_threads (last_message_at desc, id desc);

create table ${tenant}.conversation_messages (
  id          bigint      generated always as identity primary key,
  thread_id   bigint      not null references ${tenant}.conversation_threads (id) on delete cascade,
  marketplace text        not null,
  external_id text        not null check (char_length(external_id) between 1 and 200),
  inbound     boolean     not null,
  body        text        not null check (char_length(body) <= 10000),
  sent_at     timestamptz not null,
  unique (marketplace, external_id)
);
create index conversation_messages_by_thread on ${tenant}.conversation_messages (thread_id, sent_at, id);
