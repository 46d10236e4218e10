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
 * One versioned SQL script. Applied scripts are recorded with a checksum; a script edited after it was
 * applied is refused rather than silently skipped. A host writes its tenant scripts like Crosslist's,
 * with the {@code ${tenant}} schema prefix, and names them as Flyway does:
 *
 * <pre>{@code
 * MigrationScript notes = MigrationScript.fromResource("db/acme/V1__notes.sql"); // version 1, "notes"
 * }</pre>
 *
 * @param version ascending from 1 without gaps within its track
 * @param description short name recorded with the version
 * @param sql the script text (tenant scripts hold {@code ${tenant}})
 * @param earlierChecksums checksums of earlier texts of this script that applied it the same way; each is
 *     an explicit, reviewed exception to "applied scripts never change" (see {@link #TENANT})
 */
public record MigrationScript(int version, String description, String sql, List<String> earlierChecksums) {
  private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
      "V([1-9][0-9]{0,8})__([A-Za-z0-9_]{1,100})\\.sql");

  /** Scripts of the shared schema ({@code crosslist}). */
  public static final List<MigrationScript> SHARED = List.of(
      load(1, "registry", "db/shared/V1__registry.sql"),
      load(2, "reference_data", "db/shared/V2__reference_data.sql"),
      load(3, "job_dispatch", "db/shared/V3__job_dispatch.sql"),
      load(4, "job_dispatch_marketplace_caps", "db/shared/V4__job_dispatch_marketplace_caps.sql"),
      load(5, "connected_accounts", "db/shared/V5__connected_accounts.sql"),
      load(6, "scheduled_ticks", "db/shared/V6__scheduled_ticks.sql"),
      load(7, "job_dispatch_attempts", "db/shared/V7__job_dispatch_attempts.sql"),
      load(8, "migration_tracks", "db/shared/V8__migration_tracks.sql"),
      load(9, "simulated_marketplace", "db/shared/V9__simulated_marketplace.sql"),
      load(10, "tenant_migration_guard", "db/shared/V10__tenant_migration_guard.sql"));

  /**
   * Scripts of Crosslist's own tenant track, in order. V1 was edited to no longer create foreign keys to the
   * shared reference tables (each one added two triggers to a shared table, so creating a tenant slowed as
   * tenants were added, and its lock serialized concurrent provisioning); tenants that applied the earlier
   * text lose those keys in V10, so both texts lead to the same schema.
   */
  public static final List<MigrationScript> TENANT = List.of(
      load(1, "products", "db/tenant/V1__products.sql")
          .withEarlierChecksum("037e28f2b6bfe370706eda75ccbc1f1b9e54e8958757abe0719c03b1242dc56d"),
      load(2, "marketplace_jobs", "db/tenant/V2__marketplace_jobs.sql"),
      load(3, "job_journal_and_listings", "db/tenant/V3__job_journal_and_listings.sql"),
      load(4, "marketplace_connections", "db/tenant/V4__marketplace_connections.sql"),
      load(5, "conversations", "db/tenant/V5__conversations.sql"),
      load(6, "listing_details", "db/tenant/V6__listing_details.sql"),
      load(7, "keep_alive_failures", "db/tenant/V7__keep_alive_failures.sql"),
      load(8, "poll_cursors", "db/tenant/V8__poll_cursors.sql"),
      load(9, "running_attempts_in_dispatch", "db/tenant/V9__running_attempts_in_dispatch.sql"),
      load(10, "no_reference_foreign_keys", "db/tenant/V10__no_reference_foreign_keys.sql"),
      load(11, "open_job_types", "db/tenant/V11__open_job_types.sql"),
      load(12, "orders_and_withdrawals", "db/tenant/V12__orders_and_withdrawals.sql"),
      load(13, "product_imports", "db/tenant/V13__product_imports.sql"),
      load(14, "listing_suggestions", "db/tenant/V14__listing_suggestions.sql"));

  public MigrationScript {
    if (version < 1) {
      throw new IllegalArgumentException("a migration version is 1 or more, got " + version);
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sql, "sql");
    earlierChecksums = List.copyOf(earlierChecksums);
  }

  MigrationScript(int version, String description, String sql) {
    this(version, description, sql, List.of());
  }

  /** A script given as text. */
  public static MigrationScript of(int version, String description, String sql) {
    return new MigrationScript(version, description, sql);
  }

  /**
   * A script from the class path, its version and description taken from its file name, Flyway's way:
   * {@code V<version>__<description>.sql}, e.g. {@code db/acme/V3__add_notes_index.sql}.
   *
   * @throws IllegalArgumentException when the name does not follow that form or the resource is missing
   */
  public static MigrationScript fromResource(String resource) {
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    java.util.regex.Matcher m = FILE_NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("migration script " + resource + ": its file name must be V<version>__<description>.sql,"
          + " e.g. V1__notes.sql (version 1 or more, description of letters, digits and underscores)");
    }
    return load(Integer.parseInt(m.group(1)), m.group(2), resource);
  }

  /** This script, also accepting the text whose checksum is {@code checksum} as already applied. */
  MigrationScript withEarlierChecksum(String checksum) {
    List<String> all = new java.util.ArrayList<>(earlierChecksums);
    all.add(checksum);
    return new MigrationScript(version, description, sql, all);
  }

  /** Whether a tenant that recorded {@code recorded} for this version applied this script. */
  public boolean matches(String recorded) {
    return recorded.equals(checksum()) || earlierChecksums.contains(recorded);
  }

  static MigrationScript load(int version, String description, String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = (loader != null && loader.getResource(resource) != null ? loader
        : MigrationScript.class.getClassLoader()).getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + resource + " is missing from the class path");
      }
      return new MigrationScript(version, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration script " + resource, e);
    }
  }

  /** The SHA-256 of the script text, recorded when it is applied. */
  public String checksum() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int latest(List<MigrationScript> scripts) {
    return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
  }
}
