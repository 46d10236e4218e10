package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.adapter.persistence.MigrationScript;
import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.PersistenceSettings;
import io.crosslist.domain.tenant.InvalidTenantArchiveException;
import io.crosslist.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an archive must match before its rows are loaded: its tracks and versions against this build's (before
 * anything is written), then its tables and columns against what this build's scripts created at those versions
 * (in the restore's transaction, on the new schema). Each refusal says what differs and what to do.
 */
final class ArchiveChecks {
  private ArchiveChecks() {}

  /**
   * Checks that this build can create a tenant at the archive's versions: every track is known, none is newer than
   * this build's, and every script the source applied is this build's (same checksum, or a reviewed earlier one).
   *
   * @return the version of each of this build's tracks to create the tenant at (0 for a track the archive lacks)
   * @throws InvalidTenantArchiveException naming the track and the version otherwise
   */
  static Map<String, Integer> restorableVersions(List<MigrationTrack> tracks, ArchiveManifest manifest) {
    List<String> names = tracks.stream().map(MigrationTrack::name).toList();
    for (ArchiveManifest.Track archived : manifest.tracks()) {
      MigrationTrack track = tracks.stream().filter(t -> t.name().equals(archived.name())).findFirst()
          .orElseThrow(() -> new InvalidTenantArchiveException("the archive holds migration track '" + archived.name()
              + "' (V" + archived.version() + "), which this build does not register (its tracks: " + names + "):"
              + " restore it with a build that registers that track (PersistenceSettings.withTenantTrack)"));
      if (archived.version() > track.latest()) {
        throw new InvalidTenantArchiveException("the archive is from a newer build: track '" + track.name() + "' is"
            + " at V" + archived.version() + " in the archive, and this build has only up to V" + track.latest()
            + "; restore it with a build at least as new as the one that exported it");
      }
      for (MigrationScript script : track.upTo(archived.version())) {
        String recorded = archived.checksums().get(script.version() - 1);
        if (!script.matches(recorded)) {
          throw new InvalidTenantArchiveException("track '" + track.name() + "' V" + script.version() + " ("
              + script.description() + ") was applied to the exported tenant with checksum " + recorded + ", but this"
              + " build's script has " + script.checksum() + ": the archive's tables are not what this build creates"
              + " at that version");
        }
      }
    }
    Map<String, Integer> archived = manifest.versions();
    Map<String, Integer> at = new LinkedHashMap<>();
    tracks.forEach(t -> at.put(t.name(), archived.getOrDefault(t.name(), 0)));
    return at;
  }

  /**
   * The archive's tables must be the tables this build's scripts created at its versions, with the same columns
   * and types (binary COPY data is typed); returns each table's index in the manifest.
   */
  static Map<String, Integer> requireSameTables(ArchiveManifest manifest, TenantCatalog catalog, TenantId as) {
    Map<String, TenantCatalog.Table> created = catalog.tables().stream()
        .collect(Collectors.toMap(TenantCatalog.Table::name, t -> t));
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < manifest.tables().size(); i++) {
      ArchiveManifest.Table archived = manifest.tables().get(i);
      TenantCatalog.Table table = created.get(archived.name());
      if (table == null) {
        throw new InvalidTenantArchiveException("the archive holds table " + archived.name() + ", which this build's"
            + " scripts do not create at the archive's versions " + manifest.versions() + ": the source's schema"
            + " was changed outside its migrations");
      }
      if (!new HashSet<>(table.columns()).equals(new HashSet<>(archived.columns()))) {
        throw new InvalidTenantArchiveException("table " + archived.name() + " has the columns (" + describe(
            archived.columns()) + ") in the archive, but this build's scripts create (" + describe(table.columns())
            + ") at the archive's versions " + manifest.versions());
      }
      if (indexOf.put(archived.name(), i) != null) {
        throw new InvalidTenantArchiveException("the archive lists table " + archived.name() + " twice");
      }
    }
    List<String> missing = created.keySet().stream().filter(name -> !indexOf.containsKey(name)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new InvalidTenantArchiveException("the archive lacks the tables " + missing + ", which this build's"
          + " scripts create at its versions " + manifest.versions() + " for " + as);
    }
    return indexOf;
  }

  private static String describe(List<TenantCatalog.Column> columns) {
    return columns.stream().map(col -> col.name() + " " + col.type()).collect(Collectors.joining(", "));
  }

}
