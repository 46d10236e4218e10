package io.crosslist.tenancy.rules;

import io.crosslist.tenancy.rules.ClassPathResources.Resource;
import io.crosslist.tenancy.rules.SqlSources.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables are tenant tables: those the host declares, those its per-tenant migration scripts
 * create, and those its SQL already writes as {@code ${tenant}.name}. A legacy host, whose SQL is all
 * unqualified, is known only by the first two.
 */
final class TenantTables {

  /** {@code ${tenant}.name}: the table is a tenant table wherever it appears. */
  static final Pattern TENANT_QUALIFIED = Pattern.compile("\\$\\{tenant}\\.\"?([A-Za-z_][A-Za-z0-9_]*)");

  /** A table after the keyword that names one, with its qualifier if any (group 1) and its name (group 2). */
  static final Pattern TABLE_REFERENCE = Pattern.compile(
      "(?i)\\b(?:from|join|into|update|table)\\s+((?:\"?[A-Za-z0-9_${}]+\"?\\.)?)\"?([A-Za-z_][A-Za-z0-9_]*)");

  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?i)\\bcreate\\s+(?:unlogged\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?"
          + "(?:\"?[A-Za-z0-9_${}]+\"?\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)");

  private static final Set<String> NOT_TABLES = Set.of("set", "select", "lateral", "only", "unnest", "values", "if");

  /** The tenant tables, and what in the settings named nothing. */
  record Known(Set<String> tables, List<String> problems) {}

  private TenantTables() {}

  static Known resolve(TenancySettings settings, List<Resource> resources, Collection<String> roots, List<Text> texts) {
    Set<String> tables = new TreeSet<>(settings.tenantTables());
    List<String> problems = new ArrayList<>();
    for (String folder : settings.tenantMigrations()) {
      List<Resource> scripts = resources.stream().filter(r -> r.isIn(folder) && r.isA(".sql")).toList();
      Set<String> created = new TreeSet<>();
      for (Resource script : scripts) {
        Matcher m = CREATE_TABLE.matcher(ResourceText.withoutComments(script));
        while (m.find()) {
          created.add(lower(m.group(1)));
        }
      }
      if (scripts.isEmpty()) {
        problems.add(Messages.settingMatchesNothing(TenancySettings.TENANT_MIGRATIONS, folder,
            "names a folder with no .sql script (class-path roots read: " + Messages.rootsText(roots) + ")"));
      } else if (created.isEmpty()) {
        problems.add(Messages.settingMatchesNothing(TenancySettings.TENANT_MIGRATIONS, folder,
            "names " + scripts.size() + " script(s) that create no table"));
      }
      tables.addAll(created);
    }
    if (!settings.noTenantTables()) {
      for (Resource resource : resources) {
        collectQualified(ResourceText.withoutComments(resource), tables);
      }
      for (Text text : texts) {
        collectQualified(text.text(), tables);
      }
    }
    return new Known(tables, problems);
  }

  /** The tables a text names, qualified or not (for saying what a host with no known tenant table refers to). */
  static Set<String> named(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = TABLE_REFERENCE.matcher(text);
    while (m.find()) {
      if (!NOT_TABLES.contains(lower(m.group(2)))) {
        names.add(lower(m.group(2)));
      }
    }
    return names;
  }

  private static void collectQualified(String text, Set<String> into) {
    Matcher m = TENANT_QUALIFIED.matcher(text);
    while (m.find()) {
      into.add(lower(m.group(1)));
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
