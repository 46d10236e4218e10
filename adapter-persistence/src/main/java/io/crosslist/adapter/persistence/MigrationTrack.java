package io.crosslist.adapter.persistence;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named, versioned series of tenant migrations, applied to every tenant schema and recorded per tenant
 * and track in the shared schema. Crosslist's own tables are the {@value #CROSSLIST} track; a host adds its
 * own tenant tables as another track, written like Crosslist's with the {@code ${tenant}} schema prefix:
 *
 * <pre>{@code
 * MigrationTrack acme = MigrationTrack.of("acme",
 *     MigrationScript.fromResource("db/acme/V1__notes.sql"),
 *     MigrationScript.fromResource("db/acme/V2__notes_index.sql"));
 * PersistenceSettings settings = PersistenceSettings.forJdbcUrl(url).withTenantTrack(acme);
 * }</pre>
 *
 * <p>Checked when built: versions run 1, 2, 3, ... without gaps; every script names its tables with
 * {@code ${tenant}.} (a script without it could only touch the shared schema) and holds no other
 * {@code ${...}} placeholder.
 *
 * @param name lower-case letters, digits, {@code -} and {@code _}, starting with a letter, at most 40
 * @param scripts the scripts, in version order
 */
public record MigrationTrack(String name, List<MigrationScript> scripts) {
  /** The name of Crosslist's own track. */
  public static final String CROSSLIST = "crosslist";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
  private static final Pattern OTHER_PLACEHOLDER = Pattern.compile("\\$\\{(?!tenant})[^}]*}");

  public MigrationTrack {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("migration track name '" + name + "': must be lower-case letters, digits,"
          + " '-' and '_', starting with a letter, at most 40 characters");
    }
    scripts = List.copyOf(scripts);
    for (int i = 0; i < scripts.size(); i++) {
      MigrationScript script = scripts.get(i);
      String where = "migration track '" + name + "', V" + script.version() + " (" + script.description() + ")";
      if (script.version() != i + 1) {
        throw new IllegalArgumentException(where + ": versions must run 1, 2, 3, ... without gaps; expected V"
            + (i + 1));
      }
      if (!script.sql().contains(TenantSqlRenderer.PLACEHOLDER)) {
        throw new IllegalArgumentException(where + ": a tenant script names its tables ${tenant}.<table>; this one"
            + " never does");
      }
      if (OTHER_PLACEHOLDER.matcher(script.sql()).find()) {
        throw new IllegalArgumentException(where + ": only ${tenant} may be substituted in a script");
      }
    }
  }

  public static MigrationTrack of(String name, MigrationScript... scripts) {
    return new MigrationTrack(name, List.of(scripts));
  }

  /** Crosslist's own tenant track. */
  public static MigrationTrack crosslist() {
    return new MigrationTrack(CROSSLIST, MigrationScript.TENANT);
  }

  /** The scripts up to {@code version}, in order. */
  public List<MigrationScript> upTo(int version) {
    return scripts.stream().filter(s -> s.version() <= version).toList();
  }

  /** The newest version of this track; 0 when it has no scripts. */
  public int latest() {
    return MigrationScript.latest(scripts);
  }
}
