package io.crosslist.adapter.persistence;

import io.crosslist.adapter.persistence.internal.tenancy.MapperRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether tenant SQL can run on Citus's schema-based sharding, where each tenant schema lives on one worker node
 * and the shared schema's tables become reference tables. It reads the text of every mapper statement and tenant
 * migration script (Crosslist's and a host's) and names what would break there:
 *
 * <ul>
 *   <li>a tenant schema named literally ({@code user_42}) or another schema than {@code ${tenant}} and
 *       {@code crosslist}: a statement must touch one tenant schema, its own;
 *   <li>a foreign key to a table of another schema than its own or the shared one;
 *   <li>a write to a shared table from a statement that also touches the tenant schema (shared tables are only
 *       read from tenant statements; writing them is a statement of its own);
 *   <li>a sequence or function of the shared schema used from a tenant statement or script, or a sequence or
 *       function a tenant script creates outside the tenant schema.
 * </ul>
 *
 * It is a lint: text patterns, not a parser. Crosslist runs it over its own SQL in its tests
 * ({@code CitusLintTest}); a host runs {@link #problems} over its mappers and tracks in its own.
 * Not yet tested against a Citus cluster (none can be installed where Crosslist is built).
 */
public final class CitusLint {
  private static final Pattern LITERAL_TENANT = Pattern.compile("\\buser_\\d+\\b");
  private static final Pattern TABLE_REFERENCE = Pattern.compile(
      "(?i)\\b(from|join|into|update|table|references)\\s+((?:\"?[A-Za-z0-9_${}]+\"?\\.)?)\"?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern SHARED_WRITE = Pattern.compile(
      "(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+\"?crosslist\"?\\.\"?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern SHARED_ROUTINE = Pattern.compile(
      "(?i)\\bcrosslist\\.\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*\\(|\\bnextval\\s*\\(\\s*'(?!\\$\\{tenant}\\.)([^']*)'");
  private static final Pattern CREATED_ROUTINE = Pattern.compile(
      "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(sequence|function|procedure)\\s+(?:if\\s+not\\s+exists\\s+)?"
          + "(?!\\$\\{tenant}\\.)([A-Za-z0-9_\".]+)");
  /** The text before a name ends with a keyword that names a table. */
  private static final Pattern NAMES_A_TABLE = Pattern.compile(
      "(?i)\\b(?:into|table|from|update|join|references|exists)\\s*$");
  private static final Pattern COMMENT = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  private CitusLint() {}

  /** What in these mappers' statements and these tracks' scripts would not run on Citus; empty when nothing. */
  public static List<String> problems(List<Class<?>> mappers, List<MigrationTrack> tracks) {
    List<String> problems = new ArrayList<>();
    for (Class<?> mapper : mappers) {
      for (MapperRules.Statement statement : MapperRules.statementsOf(mapper)) {
        problems.addAll(problems(statement.where(), statement.sql()));
      }
    }
    for (MigrationTrack track : tracks) {
      for (MigrationScript script : track.scripts()) {
        problems.addAll(problems("migration V" + script.version() + " (" + script.description() + ") of track '"
            + track.name() + "'", script.sql()));
      }
    }
    return problems;
  }

  /**
   * The shared tables that tenant SQL names (statements and scripts that touch {@code ${tenant}}): on Citus these
   * must be reference tables, copied to every node, since a tenant schema lives on one worker node and a statement
   * may join its tables only with reference tables. Sorted, without the schema.
   */
  public static java.util.SortedSet<String> sharedTablesOfTenantSql(List<Class<?>> mappers, List<MigrationTrack> tracks) {
    java.util.SortedSet<String> tables = new java.util.TreeSet<>();
    for (Class<?> mapper : mappers) {
      for (MapperRules.Statement statement : MapperRules.statementsOf(mapper)) {
        sharedTablesOf(statement.sql(), tables);
      }
    }
    for (MigrationTrack track : tracks) {
      track.scripts().forEach(script -> sharedTablesOf(script.sql(), tables));
    }
    return tables;
  }

  private static void sharedTablesOf(String sqlText, java.util.Set<String> into) {
    String sql = COMMENT.matcher(sqlText).replaceAll(" ");
    if (!sql.contains("${tenant}")) {
      return;
    }
    Matcher table = TABLE_REFERENCE.matcher(sql);
    while (table.find()) {
      if (table.group(2).replace("\"", "").equalsIgnoreCase("crosslist.")) {
        into.add(table.group(3).toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  /** What in one text would not run on Citus, each problem naming {@code where}. */
  static List<String> problems(String where, String sqlText) {
    String sql = COMMENT.matcher(sqlText).replaceAll(" ");
    List<String> problems = new ArrayList<>();
    Matcher literal = LITERAL_TENANT.matcher(sql);
    if (literal.find()) {
      problems.add(where + " names the tenant schema " + literal.group() + " literally: write ${tenant}");
    }
    Matcher table = TABLE_REFERENCE.matcher(sql);
    while (table.find()) {
      String qualifier = table.group(2).replace("\"", "");
      if (!qualifier.isEmpty() && !qualifier.equals("${tenant}.") && !qualifier.equalsIgnoreCase("crosslist.")) {
        problems.add(where + " names " + qualifier + table.group(3) + (table.group(1).equalsIgnoreCase("references")
            ? " in a foreign key" : "") + ": a tenant statement names only its own schema (${tenant}) and the"
            + " shared one (crosslist)");
      }
    }
    if (sql.contains("${tenant}")) {
      Matcher write = SHARED_WRITE.matcher(sql);
      while (write.find()) {
        problems.add(where + " writes the shared table crosslist." + write.group(1) + " in a statement on the tenant"
            + " schema: on Citus shared tables are reference tables, only read from tenant statements");
      }
    }
    Matcher routine = SHARED_ROUTINE.matcher(sql);
    while (sql.contains("${tenant}") && routine.find()) {
      if (routine.group(1) != null && NAMES_A_TABLE.matcher(sql.substring(0, routine.start())).find()) {
        continue; // "insert into crosslist.t (a, b)": a table and its columns, not a call
      }
      problems.add(where + " uses the " + (routine.group(1) != null ? "shared function crosslist." + routine.group(1)
          : "sequence '" + routine.group(2) + "'") + ": tenant SQL uses no sequence or function outside its schema");
    }
    Matcher created = CREATED_ROUTINE.matcher(sql);
    while (created.find()) {
      problems.add(where + " creates the " + created.group(1).toLowerCase(java.util.Locale.ROOT) + " "
          + created.group(2) + " outside the tenant schema: write ${tenant}." + created.group(2));
    }
    return problems;
  }
}
