package io.crosslist.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One versioned SQL script from the class path. Applied scripts are recorded with a checksum; a
 * script edited after it was applied is refused rather than silently skipped.
 *
 * @param version ascending from 1 without gaps within its scope
 * @param description short name recorded with the version
 * @param sql the script text (tenant scripts hold {@code ${tenant}})
 */
record MigrationScript(int version, String description, String sql) {

  /** Scripts of the shared schema ({@code crosslist}). */
  static final List<MigrationScript> SHARED = List.of(
      load(1, "registry", "db/shared/V1__registry.sql"),
      load(2, "reference_data", "db/shared/V2__reference_data.sql"),
      load(3, "job_dispatch", "db/shared/V3__job_dispatch.sql"),
      load(4, "job_dispatch_marketplace_caps", "db/shared/V4__job_dispatch_marketplace_caps.sql"),
      load(5, "connected_accounts", "db/shared/V5__connected_accounts.sql"),
      load(6, "scheduled_ticks", "db/shared/V6__scheduled_ticks.sql"),
      load(7, "job_dispatch_attempts", "db/shared/V7__job_dispatch_attempts.sql"));

  /** Scripts of every tenant schema, in order. */
  static final List<MigrationScript> TENANT = List.of(
      load(1, "products", "db/tenant/V1__products.sql"),
      load(2, "marketplace_jobs", "db/tenant/V2__marketplace_jobs.sql"),
      load(3, "job_journal_and_listings", "db/tenant/V3__job_journal_and_listings.sql"),
      load(4, "marketplace_connections", "db/tenant/V4__marketplace_connections.sql"),
      load(5, "conversations", "db/tenant/V5__conversations.sql"),
      load(6, "listing_details", "db/tenant/V6__listing_details.sql"),
      load(7, "keep_alive_failures", "db/tenant/V7__keep_alive_failures.sql"),
      load(8, "poll_cursors", "db/tenant/V8__poll_cursors.sql"),
      load(9, "running_attempts_in_dispatch", "db/tenant/V9__running_attempts_in_dispatch.sql"));

  MigrationScript {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sql, "sql");
  }

  static MigrationScript load(int version, String description, String resource) {
    try (InputStream in = MigrationScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + resource + " is missing from the class path");
      }
      return new MigrationScript(version, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration script " + resource, e);
    }
  }

  String checksum() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int latest(List<MigrationScript> scripts) {
    return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
  }
}
