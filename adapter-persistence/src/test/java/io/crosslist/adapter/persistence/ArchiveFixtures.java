package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crosslist.adapter.persistence.internal.migration.TenantRemover;
import io.crosslist.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant with rows in every table, a second database to restore it into, and row-by-row comparison. */
public final class ArchiveFixtures {
  /** A host's track: its own tenant table, written with ${tenant} like Crosslist's. */
  static final MigrationTrack ACME = MigrationTrack.of("acme",
      MigrationScript.of(1, "notes", "create table ${tenant}.acme_notes (id bigint primary key, body text not null)"),
      MigrationScript.of(2, "notes_index", "create index acme_notes_body on ${tenant}.acme_notes (body)"));
  /** Secret columns: sealed for their tenant, so compared decrypted rather than as bytes. */
  static final List<String> SECRET_COLUMNS = List.of("access_token", "refresh_token", "session_cookies");

  private ArchiveFixtures() {}

  /** Crosslist's track and the host's. */
  static List<MigrationTrack> crosslistAndAcme() {
    return List.of(MigrationTrack.crosslist(), ACME);
  }

  /**
   * Rows in every Crosslist table (at V13) and the host's, with text that tries the format (quotes, a newline,
   * non-ASCII, NULLs, arrays, JSON); product 4 is deleted, so the products sequence is ahead of the highest id.
   */
  static void populate(TenantId tenant) throws SQLException {
    String s = tenant.schemaName();
    sql(TestDatabase.get().jdbcUrl(), """
        insert into %1$s.products (title, description, price_amount, price_currency, brand_code, category_code,
          condition_code, size_code, colour_code, stock_quantity, image_urls, status, created_at, updated_at)
        values ('Nike Air Max 90', E'line one\\nline "two", it''s €', 89.00, 'EUR', 'nike', 'womens-shoes',
                'very-good', null, null, 1, '{"https://img/1.jpg","https://img/2.jpg"}', 'PUBLISHED',
                '2026-01-02 03:04:05.123456+00', now()),
               ('Levi''s 501', '', 40.5, 'EUR', null, 'jeans', 'good', 'w32', 'blue', 2, '{}', 'DRAFT', now(), now()),
               ('Ärmel ☂', 'x', 0, 'GBP', null, 'coats', 'new', null, null, 0, '{}', 'SOLD', now(), now()),
               ('to delete', '', 1, 'EUR', null, 'coats', 'new', null, null, 0, '{}', 'DRAFT', now(), now());
        delete from %1$s.products where title = 'to delete';
        insert into %1$s.marketplace_batches (description, pending, completed, created_at, updated_at)
        values ('spring sale', 1, 1, now(), now());
        insert into %1$s.marketplace_jobs (marketplace, action, product_id, batch_id, status, priority, attempts,
          max_attempts, run_after, expires_at, result, idempotency_key, created_at, updated_at)
        values ('VINTED', 'PUBLISH', 1, 1, 'PENDING', 5, 0, 3, now(), now() + interval '1 day', null, 'k-1', now(),
                now()),
               ('EBAY', 'PUBLISH', 2, 1, 'COMPLETED', 0, 1, 3, now(), null, '{"listing": "e-1", "n": [1, 2]}', 'k-2',
                now(), now());
        insert into %1$s.marketplace_tasks (job_id, position, name, status, result, updated_at)
        values (2, 1, 'upload images', 'COMPLETED', '{"ok": true}', now());
        insert into %1$s.marketplace_error_log (marketplace, job_id, error_type, message, details, occurred_at)
        values ('EBAY', 2, 'RATE_LIMITED', 'slow down', null, now());
        insert into %1$s.job_statistics (day, marketplace, action, succeeded, failed, total_duration_ms)
        values ('2026-01-02', 'EBAY', 'PUBLISH', 1, 0, 1234);
        insert into %1$s.marketplace_listings (product_id, marketplace, external_id, url, status, updated_at,
          listed_price_amount, listed_price_currency, published_at, withdrawal_job_id, withdrawal_reason,
          withdrawal_requested_at)
        values (2, 'EBAY', 'e-1', 'https://ebay/e-1', 'ACTIVE', now(), 40.5, 'EUR', now(), 1,
                'sold out by ETSY order o-1', now());
        insert into %1$s.marketplace_orders (marketplace, external_id, product_id, quantity, total, currency,
          ordered_at, listing_external_id, status, job_id, received_at, settled_at)
        values ('ETSY', 'o-1', 3, 1, 12.34, 'GBP', now(), 'etsy-1', 'OVERSOLD', 2, now(), now()),
               ('EBAY', 'o-2', null, 2, 5.00, 'EUR', now(), 'e-9', 'RECEIVED', null, now(), null);
        insert into %1$s.conversation_threads (marketplace, external_id, buyer_name, listing_external_id, unread_count,
          last_message_at, updated_at)
        values ('VINTED', 't-1', 'Ana', null, 1, now(), now());
        insert into %1$s.conversation_messages (thread_id, marketplace, external_id, inbound, body, sent_at)
        values (1, 'VINTED', 'm-1', true, 'Is it still available?', now());
        insert into %1$s.marketplace_poll_cursors (marketplace, polled_until, updated_at) values ('ETSY', now(), now());
        update %1$s.products set sku = 'NIKE-90 "white"' where title = 'Nike Air Max 90';
        insert into %1$s.product_imports (format, file_name, rows_total, currency, mapping, job_id, rows_done, created,
          issues, created_at, updated_at)
        values ('WOOCOMMERCE', 'shop "1".csv', 2, 'EUR', E'size,XXL,xl\n', 2, 1, 1, 1, now(), now());
        insert into %1$s.product_import_chunks (import_id, seq, data) values (1, 0, '\\xefbbbf49442c00ff'::bytea);
        insert into %1$s.product_import_issues (import_id, position, row_number, column_name, value, rule, row_failed)
        values (1, 1, 1, 'Images', 'not, a "url"', 'must be an absolute http or https URL', false);
        insert into %1$s.product_import_parents (import_id, row_number, source_id, sku, fields)
        values (1, 1, '10', 'BOOT', '{"10","variable","a, \\"b\\""}');
        insert into %1$s.listing_suggestions (product_id, marketplace, title, description, attributes, source,
          prompt_tokens, completion_tokens, status, product_version, job_id, created_at, decided_at)
        values (1, 'EBAY', 'Nike Air Max 90 white', null, '{"colour=white"}', 'gpt-test', 120, 45, 'SUGGESTED', 0, 2,
                now(), null),
               (2, 'ETSY', null, E'a "quoted" line\nand €', '{}', 'offline', 0, 0, 'APPLIED', 0, null, now(), now());
        insert into %1$s.suggestion_runs (job_id, product_ids, fields, created_at) values (2, '{1,2}', '{TITLE}', now());
        insert into %1$s.acme_notes (id, body) values (1, 'host row'), (2, 'another');
        """.formatted(s));
  }

  static void sql(String url, String statements) throws SQLException {
    try (Connection c = TestDatabase.connect(url); Statement st = c.createStatement()) {
      st.execute(statements);
    }
  }

  static long count(String url, String query, Object... values) throws SQLException {
    try (Connection c = TestDatabase.connect(url); PreparedStatement ps = c.prepareStatement(query)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Every table of the tenant's schema, each as its rows' text sorted (secret columns left out), by table name; and
   * each sequence's last value under the key {@code sequence <name>}.
   */
  static Map<String, List<String>> rows(String url, TenantId tenant) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection c = TestDatabase.connect(url)) {
      Map<String, List<String>> columns = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from information_schema.columns"
          + " where table_schema = ? order by table_name, ordinal_position")) {
        ps.setString(1, tenant.schemaName());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (!SECRET_COLUMNS.contains(rs.getString(2))) {
              columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add('"' + rs.getString(2) + '"');
            }
          }
        }
      }
      for (Map.Entry<String, List<String>> table : columns.entrySet()) {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select row(" + String.join(", ",
            table.getValue()) + ")::text from \"" + tenant.schemaName() + "\".\"" + table.getKey() + "\" order by 1")) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
        tables.put(table.getKey(), rows);
      }
      try (PreparedStatement ps = c.prepareStatement("select sequencename, last_value from pg_sequences"
          + " where schemaname = ? order by 1")) {
        ps.setString(1, tenant.schemaName());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.put("sequence " + rs.getString(1), List.of(String.valueOf(rs.getObject(2))));
          }
        }
      }
    }
    return tables;
  }

  /** Nothing of {@code tenant} in the database at {@code url}: no registry row, schema or shared row. */
  static void assertNothingOf(String url, TenantId tenant) throws SQLException {
    assertEquals(0, count(url, "select count(*) from crosslist.tenants where id = ?", tenant.value()), "registry");
    assertEquals(0, count(url, "select count(*) from pg_namespace where nspname = ?", tenant.schemaName()), "schema");
    for (String table : TenantRemover.SHARED_ROWS) {
      assertEquals(0, count(url, "select count(*) from " + table + " where tenant_id = ?", tenant.value()), table);
    }
  }

  /** Every table of {@code tenant} holds rows (so that a comparison compares something). */
  static void assertEveryTableHoldsRows(Map<String, List<String>> rows) {
    rows.forEach((table, list) -> assertFalse(list.isEmpty(), table + " is empty"));
    assertTrue(rows.size() >= 13, "every table: " + rows.keySet());
  }

  /** A second database on the same server, with Crosslist's shared schema in it, dropped by {@link #close}. */
  public static final class SecondDatabase implements AutoCloseable {
    public final String url;
    final PersistenceModule module;
    final Injector injector;
    private final String name;

    public SecondDatabase(List<MigrationTrack> hostTracks) throws SQLException {
      name = "crosslist_archive_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      sql(TestDatabase.get().jdbcUrl(), "create database " + name);
      url = TestDatabase.withDatabase(TestDatabase.get().jdbcUrl(), name);
      PersistenceSettings settings = TestDatabase.pooled(PersistenceSettings.forJdbcUrl(url))
          .withSecretKeyset(TestDatabase.KEYSET).withMaximumPoolSize(4);
      for (MigrationTrack track : hostTracks) {
        settings = settings.withTenantTrack(track);
      }
      module = new PersistenceModule(settings);
      injector = Guice.createInjector(module);
    }

    @Override
    public void close() throws SQLException {
      module.close();
      sql(TestDatabase.get().jdbcUrl(), "drop database if exists " + name + " with (force)");
    }
  }
}
