package io.crosslist.adapter.persistence.internal.archive;

import io.crosslist.domain.DomainException;
import io.crosslist.domain.tenant.InvalidTenantArchiveException;
import io.crosslist.domain.tenant.TenantArchive;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The manifest of a tenant archive, {@value #ENTRY}: the format, the source tenant and its status, each migration
 * track with its version and the checksums of its applied scripts, each table with its rows, size and columns (in
 * load order; the rows of table {@code n} are the entry {@code tables/<n>.pgcopy}, a PostgreSQL binary COPY
 * stream), each sequence's last value, and how many stored credentials the archive holds. A Java properties
 * file, so that an operator can read it with {@code unzip -p tenant.zip manifest.properties}; names are indexed
 * ({@code table.3.column.2.type}), so a quoted identifier never has to be parsed out of a key.
 */
public record ArchiveManifest(int format, TenantId source, TenantStatus status, Instant exportedAt, int serverVersion,
    List<Track> tracks, List<Table> tables, List<Sequence> sequences, int secrets) {
  public static final String ENTRY = "manifest.properties";
  static final String FORMAT_NAME = "crosslist-tenant-archive";
  /** The archive format this build writes and reads. */
  static final int FORMAT = 1;

  /** A migration track: its version and the checksum of each applied script, V1 first. */
  record Track(String name, int version, List<String> checksums) {
    Track {
      Objects.requireNonNull(name, "name");
      checksums = List.copyOf(checksums);
    }
  }

  /** A table: its rows, the size of its COPY stream, and its columns with their types. */
  record Table(String name, long rows, long bytes, List<TenantCatalog.Column> columns) {
    Table {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }
  }

  /** A sequence and its last value (null when it was never used). */
  record Sequence(String name, Long lastValue) {
    Sequence {
      Objects.requireNonNull(name, "name");
    }
  }

  public ArchiveManifest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(exportedAt, "exportedAt");
    tracks = List.copyOf(tracks);
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
  }

  /** The zip entry that holds the rows of table {@code index} (0-based) of {@link #tables}. */
  static String entryOf(int index) {
    return String.format("tables/%04d.pgcopy", index + 1);
  }

  /** Each track's version, in manifest order. */
  Map<String, Integer> versions() {
    Map<String, Integer> versions = new LinkedHashMap<>();
    tracks.forEach(t -> versions.put(t.name(), t.version()));
    return versions;
  }

  Map<String, List<String>> checksums() {
    Map<String, List<String>> checksums = new LinkedHashMap<>();
    tracks.forEach(t -> checksums.put(t.name(), t.checksums()));
    return checksums;
  }

  /** What the archive holds, in the domain's words. */
  TenantArchive.Contents contents() {
    return new TenantArchive.Contents(source, status, exportedAt, versions(), tables.stream()
        .map(t -> new TenantArchive.Table(t.name(), t.rows(), t.bytes(), t.columns().stream()
            .map(TenantCatalog.Column::name).toList()))
        .toList(), secrets);
  }

  void write(OutputStream out) throws IOException {
    Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.ISO_8859_1);
    w.write("# Crosslist tenant archive: tables/<n>.pgcopy holds the rows of table.<n> as a PostgreSQL binary COPY\n"
        + "# stream; restore it with: crosslist tenants import FILE --as ID\n");
    line(w, "format", FORMAT_NAME);
    line(w, "format.version", FORMAT);
    line(w, "source.tenant", source.value());
    line(w, "source.status", status.name());
    line(w, "exported.at", exportedAt.toString());
    line(w, "postgresql.version", serverVersion);
    line(w, "secrets", secrets);
    line(w, "tracks", tracks.size());
    for (int i = 0; i < tracks.size(); i++) {
      Track track = tracks.get(i);
      line(w, "track." + (i + 1) + ".name", track.name());
      line(w, "track." + (i + 1) + ".version", track.version());
      for (int v = 0; v < track.checksums().size(); v++) {
        line(w, "track." + (i + 1) + ".checksum." + (v + 1), track.checksums().get(v));
      }
    }
    line(w, "tables", tables.size());
    for (int i = 0; i < tables.size(); i++) {
      Table table = tables.get(i);
      String key = "table." + (i + 1);
      line(w, key + ".name", table.name());
      line(w, key + ".rows", table.rows());
      line(w, key + ".bytes", table.bytes());
      line(w, key + ".columns", table.columns().size());
      for (int c = 0; c < table.columns().size(); c++) {
        line(w, key + ".column." + (c + 1) + ".name", table.columns().get(c).name());
        line(w, key + ".column." + (c + 1) + ".type", table.columns().get(c).type());
      }
    }
    line(w, "sequences", sequences.size());
    for (int i = 0; i < sequences.size(); i++) {
      line(w, "sequence." + (i + 1) + ".name", sequences.get(i).name());
      if (sequences.get(i).lastValue() != null) {
        line(w, "sequence." + (i + 1) + ".last-value", sequences.get(i).lastValue());
      }
    }
    w.flush();
  }

  /**
   * @param where names the archive in error messages
   * @throws InvalidTenantArchiveException naming the key and the rule when the manifest is not one this build reads
   */
  static ArchiveManifest read(InputStream in, String where) throws IOException {
    Properties p = new Properties();
    try {
      p.load(in);
    } catch (IllegalArgumentException e) { // a malformed \\uXXXX escape
      throw new InvalidTenantArchiveException(where + ": " + ENTRY + " is not a properties file: " + e.getMessage());
    }
    Reader r = new Reader(p, where + ": " + ENTRY);
    if (!FORMAT_NAME.equals(p.getProperty("format"))) {
      throw new InvalidTenantArchiveException(r.where + ": format must be " + FORMAT_NAME + ", got " + p.getProperty(
          "format"));
    }
    int format = r.integer("format.version", 1);
    if (format > FORMAT) {
      throw new InvalidTenantArchiveException(r.where + ": archive format " + format + " was written by a newer"
          + " Crosslist; this build reads format " + FORMAT + " and older");
    }
    TenantId source;
    TenantStatus status;
    Instant exportedAt;
    try {
      source = TenantId.parse(r.text("source.tenant"));
      status = TenantStatus.valueOf(r.text("source.status"));
      exportedAt = Instant.parse(r.text("exported.at"));
    } catch (DomainException | IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidTenantArchiveException(r.where + ": source.tenant, source.status or exported.at is not valid: "
          + e.getMessage());
    }
    List<Track> tracks = new ArrayList<>();
    for (int i = 1, n = r.integer("tracks", 0); i <= n; i++) {
      int version = r.integer("track." + i + ".version", 0);
      List<String> checksums = new ArrayList<>();
      for (int v = 1; v <= version; v++) {
        checksums.add(r.text("track." + i + ".checksum." + v));
      }
      tracks.add(new Track(r.text("track." + i + ".name"), version, checksums));
    }
    List<Table> tables = new ArrayList<>();
    for (int i = 1, n = r.integer("tables", 0); i <= n; i++) {
      List<TenantCatalog.Column> columns = new ArrayList<>();
      for (int c = 1, m = r.integer("table." + i + ".columns", 0); c <= m; c++) {
        columns.add(new TenantCatalog.Column(r.text("table." + i + ".column." + c + ".name"),
            r.text("table." + i + ".column." + c + ".type")));
      }
      tables.add(new Table(r.text("table." + i + ".name"), r.number("table." + i + ".rows"),
          r.number("table." + i + ".bytes"), columns));
    }
    List<Sequence> sequences = new ArrayList<>();
    for (int i = 1, n = r.integer("sequences", 0); i <= n; i++) {
      String last = p.getProperty("sequence." + i + ".last-value");
      sequences.add(new Sequence(r.text("sequence." + i + ".name"), last == null ? null
          : r.signed("sequence." + i + ".last-value")));
    }
    return new ArchiveManifest(format, source, status, exportedAt, r.integer("postgresql.version", 0), tracks, tables,
        sequences, r.integer("secrets", 0));
  }

  /** Reads required keys, each error naming the key. */
  private record Reader(Properties p, String where) {
    String text(String key) {
      String value = p.getProperty(key);
      if (value == null || value.isEmpty()) {
        throw new InvalidTenantArchiveException(where + ": " + key + " is missing");
      }
      return value;
    }

    /** A whole number in the one form the manifest writes: ASCII digits, no leading zero, a minus sign if any. */
    long signed(String key) {
      String text = text(key);
      boolean negative = text.startsWith("-");
      String digits = negative ? text.substring(1) : text;
      java.util.OptionalLong value = digits.equals("0") && !negative ? java.util.OptionalLong.of(0)
          : io.crosslist.domain.CanonicalId.parse(digits);
      if (value.isEmpty()) {
        throw new InvalidTenantArchiveException(where + ": " + key + " must be a whole number in ASCII digits, got "
            + text);
      }
      return negative ? -value.getAsLong() : value.getAsLong();
    }

    long number(String key) {
      long value = signed(key);
      if (value < 0) {
        throw new InvalidTenantArchiveException(where + ": " + key + " must be 0 or more, got " + value);
      }
      return value;
    }

    int integer(String key, int min) {
      long value = signed(key);
      if (value < min || value > Integer.MAX_VALUE) {
        throw new InvalidTenantArchiveException(where + ": " + key + " must be between " + min + " and "
            + Integer.MAX_VALUE + ", got " + value);
      }
      return (int) value;
    }
  }

  private static void line(Writer w, String key, Object value) throws IOException {
    w.write(key);
    w.write('=');
    w.write(escape(String.valueOf(value)));
    w.write('\n');
  }

  /**
   * A value as {@link Properties#load} reads it back: ASCII only, backslashes, line breaks and a leading space
   * escaped ({@code =}, {@code :}, {@code #} and {@code !} are special in keys and at a line's start only).
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case ' ' -> out.append(i == 0 ? "\\ " : " ");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
