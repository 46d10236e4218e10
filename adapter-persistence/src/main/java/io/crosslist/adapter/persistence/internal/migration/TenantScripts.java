package io.crosslist.adapter.persistence.internal.migration;

import io.crosslist.adapter.persistence.MigrationScript;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL texts of tenant migrations: creating a tenant (at this build's versions, or an archive's) and bringing
 * one up to date, each with its bookkeeping in the shared schema, as one multi-statement text sent in one round
 * trip. Tenant tables come only through {@link TenantSqlRenderer}; the bookkeeping values are validated
 * constants (a tenant id, a track name, a version, a hex checksum) or a quoted literal (a description).
 */
final class TenantScripts {
  private final List<MigrationTrack> tracks;

  TenantScripts(List<MigrationTrack> tracks) {
    this.tracks = List.copyOf(tracks);
  }

  /**
   * The text that creates a new tenant at the given version of each track (0, or absent, for none of its scripts):
   * registry row with {@code status}, schema, the scripts up to those versions and their records. A tenant
   * restored from an archive starts so, with the tables the archive's rows were written from.
   */
  String newTenant(TenantId tenant, Map<String, Integer> at, TenantStatus status) {
    StringBuilder sql = new StringBuilder();
    sql.append("insert into crosslist.tenants (id, schema_name, status) values (").append(tenant.value())
        .append(", '").append(tenant.schemaName()).append("', '").append(status.name()).append("');\n");
    sql.append(TenantSqlRenderer.render("create schema ${tenant}", tenant)).append(";\n");
    for (MigrationTrack track : tracks) {
      for (MigrationScript script : track.upTo(at.getOrDefault(track.name(), 0))) {
        sql.append(TenantSqlRenderer.render(script.sql(), tenant)).append(";\n");
      }
    }
    for (MigrationTrack track : tracks) {
      List<MigrationScript> scripts = track.upTo(at.getOrDefault(track.name(), 0));
      for (MigrationScript script : scripts) {
        sql.append(recordSql(tenant, track, script)).append(";\n");
      }
      sql.append(trackVersionSql(tenant, track.name(), MigrationScript.latest(scripts))).append(";\n");
    }
    return sql.toString();
  }

  /**
   * The scripts and records that bring a tenant created by {@link #newTenant}
   * at {@code from} to this build's versions: what {@link TenantMigrations#migrate} would run on it, as one text.
   *
   * @param appliedNow receives each script applied, as {@code "track Vn"}
   */
  String upgrade(TenantId tenant, Map<String, Integer> from, List<String> appliedNow) {
    Map<String, Map<Integer, String>> applied = new HashMap<>();
    for (MigrationTrack track : tracks) {
      Map<Integer, String> done = new HashMap<>();
      track.upTo(from.getOrDefault(track.name(), 0)).forEach(script -> done.put(script.version(), script.checksum()));
      applied.put(track.name(), done);
    }
    return pending(tenant, applied, appliedNow);
  }

  /** The scripts not in {@code applied}, each with its record, and the tracks' new versions; empty when none. */
  String pending(TenantId tenant, Map<String, Map<Integer, String>> applied, List<String> appliedNow) {
    StringBuilder pending = new StringBuilder();
    for (MigrationTrack track : tracks) {
      Map<Integer, String> done = applied.getOrDefault(track.name(), Map.of());
      for (MigrationScript script : track.scripts()) {
        String recorded = done.get(script.version());
        if (recorded != null) {
          requireSame(track, script, recorded, tenant);
          continue;
        }
        pending.append(TenantSqlRenderer.render(script.sql(), tenant)).append(";\n");
        pending.append(recordSql(tenant, track, script)).append(";\n");
        appliedNow.add(track.name() + " V" + script.version());
      }
      if (done.size() < track.scripts().size()) {
        pending.append(trackVersionSql(tenant, track.name(), track.latest())).append(";\n");
      }
    }
    return pending.toString();
  }

  /** Records one applied script. Every value is a validated constant: a tenant id, a track name, a hex checksum. */
  private static String recordSql(TenantId tenant, MigrationTrack track, MigrationScript script) {
    return "insert into crosslist.tenant_migrations (tenant_id, track, version, description, checksum) values ("
        + tenant.value() + ", '" + track.name() + "', " + script.version() + ", " + literal(script.description())
        + ", '" + script.checksum() + "')";
  }

  private static String trackVersionSql(TenantId tenant, String track, int version) {
    return "insert into crosslist.tenant_tracks (tenant_id, track, version) values (" + tenant.value() + ", '"
        + track + "', " + version + ") on conflict (tenant_id, track) do update set version ="
        + " excluded.version, updated_at = now()";
  }

  /** A SQL string literal (standard_conforming_strings: only quotes are doubled). */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static void requireSame(MigrationTrack track, MigrationScript script, String recorded, TenantId tenant) {
    if (!script.matches(recorded)) {
      throw new IllegalStateException("migration V" + script.version() + " (" + script.description() + ") of track '"
          + track.name() + "' was applied to " + tenant + " with checksum " + recorded + " but the script now has "
          + script.checksum() + ": applied migrations must not change; add a new version instead");
    }
  }


  /**
   * A statement that locks the tenant's registry row and fails with error {@code CLM01} unless the tenant is
   * registered and its recorded scripts are those of {@code expectedDigest} ({@link #appliedDigest}): a call of
   * the shared schema's {@code crosslist.require_applied_migrations} (shared V10). Every value in it is a
   * validated constant (a tenant id, a hex digest).
   */
  static String appliedGuard(TenantId tenant, String expectedDigest) {
    return "select crosslist.require_applied_migrations(" + tenant.value() + ", '" + expectedDigest + "')";
  }

  /** The MD5 of the {@link #appliedSignature signature} of {@code applied}, as the guard computes it. */
  static String appliedDigest(Map<String, Map<Integer, String>> applied) {
    return md5(appliedSignature(applied));
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5, which every Java platform must provide", e);
    }
  }

  /** {@code track/version/checksum} of every applied script, ordered by track (byte order) and version. */
  static String appliedSignature(Map<String, Map<Integer, String>> applied) {
    StringBuilder signature = new StringBuilder();
    new TreeMap<>(applied).forEach((track, scripts) -> new TreeMap<>(scripts)
        .forEach((version, checksum) -> signature.append(signature.isEmpty() ? "" : ",")
            .append(track).append('/').append(version).append('/').append(checksum)));
    return signature.toString();
  }
}
