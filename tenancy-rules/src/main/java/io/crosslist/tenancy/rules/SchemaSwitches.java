package io.crosslist.tenancy.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text that switches the schema a PostgreSQL session resolves unqualified tables in, and why each
 * kind of switch leaks between tenants. Public so that a host can build its own checks on the patterns
 * the ready rules use. Read-only mentions ({@code SHOW search_path}, {@code current_setting('search_path')},
 * {@code current_schema()}) are not switches.
 *
 * <p>(The patterns are written with escapes and character classes so that this class does not itself hold
 * the text it looks for.)
 */
public final class SchemaSwitches {

  /** How far a switch reaches, which is what makes it leak. */
  public enum Reach {
    /** {@code SET} or {@code set_config(..., false)}: stays on the connection after it goes back to the pool. */
    SESSION("the schema stays on the pooled connection, so the next tenant to borrow it reads and writes"
        + " this tenant's tables"),
    /** {@code SET LOCAL} or {@code set_config(..., true)}: gone at commit. */
    TRANSACTION("the schema is gone at commit, so statements after it run in whatever schema the connection"
        + " has, and it costs a round trip per transaction"),
    /** A pool, data-source, URL, role or database default: every connection starts in one schema. */
    POOL("every connection starts in that one schema, so unqualified tenant SQL reads it whatever the tenant");

    private final String why;

    Reach(String why) {
      this.why = why;
    }

    /** Why a switch of this reach leaks between tenants, for messages. */
    public String why() {
      return why;
    }
  }

  /** One switch found in a text: where it starts, the statement as written (whitespace collapsed), its reach. */
  public record Match(int offset, String statement, Reach reach) {}

  /** {@code SET [SESSION|LOCAL] search_path} and {@code SET [SESSION|LOCAL] SCHEMA} (not a column {@code schema =}). */
  public static final Pattern SET_STATEMENT = Pattern.compile(
      "(?i)\\bset\\s+(?<scope>session\\s+|local\\s+)?(?:search[_]path\\b|schema\\b(?!\\s*=))");

  /** {@code set_config('search_path', ...)}, or with the setting's name bound as a parameter. */
  public static final Pattern SET_CONFIG = Pattern.compile(
      "(?i)\\bset[_]config\\s*\\(\\s*(?:'search[_]path'|[^'\\s])[^)]*\\)?");

  /** PgJDBC's {@code currentSchema} connection parameter in a URL or a property line. */
  public static final Pattern CURRENT_SCHEMA_PARAMETER = Pattern.compile("(?i)\\bcurrent[S]chema\\s*=");

  /** A {@code search_path} passed as a startup option ({@code options=-c search_path=...}), plain or URL-encoded. */
  public static final Pattern STARTUP_OPTION = Pattern.compile("(?i)-c\\s*search[_]path\\s*=|search[_]path%3[Dd]");

  private static final Pattern ROLE_OR_DATABASE_DEFAULT = Pattern.compile("(?i)\\balter\\s+(?:role|user|database)\\b[^;]*$");
  private static final Pattern IS_LOCAL_ARGUMENT = Pattern.compile("(?i),\\s*(true|false)\\s*\\)\\s*$");
  private static final Pattern PROPERTY_NAME = Pattern.compile("(?i)current[S]chema");
  private static final int MAX_STATEMENT = 100;

  private SchemaSwitches() {}

  /** Every switch in {@code text}, in the order they appear. */
  public static List<Match> find(String text) {
    List<Match> found = new ArrayList<>();
    Matcher set = SET_STATEMENT.matcher(text);
    while (set.find()) {
      String before = text.substring(Math.max(0, set.start() - 200), set.start());
      Matcher alter = ROLE_OR_DATABASE_DEFAULT.matcher(before);
      if (alter.find()) {
        int start = set.start() - before.length() + alter.start();
        found.add(new Match(start, statementAt(text, start, set.end()), Reach.POOL));
      } else {
        boolean local = set.group("scope") != null && set.group("scope").trim().equalsIgnoreCase("local");
        found.add(new Match(set.start(), statementAt(text, set.start(), set.end()),
            local ? Reach.TRANSACTION : Reach.SESSION));
      }
    }
    Matcher config = SET_CONFIG.matcher(text);
    while (config.find()) {
      Matcher isLocal = IS_LOCAL_ARGUMENT.matcher(config.group());
      Reach reach = isLocal.find() && isLocal.group(1).equalsIgnoreCase("true") ? Reach.TRANSACTION : Reach.SESSION;
      found.add(new Match(config.start(), oneLine(config.group()), reach));
    }
    for (Pattern pattern : List.of(CURRENT_SCHEMA_PARAMETER, STARTUP_OPTION)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        found.add(new Match(m.start(), statementAt(text, m.start(), m.end()), Reach.POOL));
      }
    }
    found.sort(Comparator.comparingInt(Match::offset));
    return found;
  }

  /** Whether {@code constant} is exactly the name of PgJDBC's {@code currentSchema} property (as passed to a data source). */
  public static boolean isCurrentSchemaPropertyName(String constant) {
    return PROPERTY_NAME.matcher(constant.trim()).matches();
  }

  /** The statement that starts at {@code start}: past {@code matchEnd}, up to a statement, line, tag, parameter or string end. */
  static String statementAt(String text, int start, int matchEnd) {
    int end = matchEnd;
    while (end < text.length() && end - start < MAX_STATEMENT && ";\n\r<&\"".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return oneLine(text.substring(start, end));
  }

  /** Whitespace collapsed and trimmed, so that a statement reads the same wherever it is re-indented. */
  static String oneLine(String text) {
    String collapsed = text.replaceAll("\\s+", " ").trim();
    return collapsed.length() <= MAX_STATEMENT ? collapsed : collapsed.substring(0, MAX_STATEMENT) + "...";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
