package io.crosslist.tenancy.rules;

import java.util.Collection;
import java.util.List;

/**
 * The words of the rules' messages, written for the host team reading a failed build: what was found and
 * where (from the caller), why it leaks between tenants, and the fix. No message holds an absolute path,
 * and a line number appears only as {@code (File:12)}, which ArchUnit's freeze matcher ignores; so a
 * frozen violation stays known when the project moves or lines are added above it.
 */
final class Messages {
  private Messages() {}

  static final String SWITCH_FIX_CODE = "write tenant tables as ${tenant}.<table> and pass the tenant on each call;"
      + " if this is the host's own persistence adapter, list its package in " + TenancySettings.PERSISTENCE_PACKAGES;

  static final String SWITCH_FIX_RESOURCE = "write tenant tables as ${tenant}.<table> and pass the tenant on each call;"
      + " if this file belongs to the host's own persistence adapter, list its folder in "
      + TenancySettings.PERSISTENCE_RESOURCES;

  static final String SUBSTITUTION_WHY = "text spliced into SQL can name another tenant's schema or inject SQL,"
      + " while ${tenant} alone is rendered from a checked tenant id";

  static final String QUALIFY_WHY = "an unqualified table is looked up in whatever schema the connection's session"
      + " points at, not in the schema of the tenant this call is for";

  static final String OTHER_SCHEMA_WHY = "a schema written into the SQL is the same for every tenant, so each"
      + " tenant reads and writes that one schema's table";

  static String switchFound(String statement, SchemaSwitches.Reach reach) {
    return switch (reach) {
      case SESSION -> "switches the session schema with \"" + statement + "\"";
      case TRANSACTION -> "switches the schema for the transaction with \"" + statement + "\"";
      case POOL -> "sets the schema of every connection with \"" + statement + "\"";
    };
  }

  static String because(SchemaSwitches.Reach reach, String fix) {
    return ": " + reach.why() + "; fix: " + fix;
  }

  static String substitutionFix(String name) {
    return ": " + SUBSTITUTION_WHY + "; fix: bind the value as #{" + name + "}, or choose the SQL fragment in Java"
        + " from a fixed list";
  }

  static String qualifyFix(String table, boolean otherSchema) {
    return ": " + (otherSchema ? OTHER_SCHEMA_WHY : QUALIFY_WHY) + "; fix: write ${tenant}." + table;
  }

  /** A setting that names nothing: the rule would have checked nothing there, so it says so. */
  static String settingMatchesNothing(String setting, String value, String what) {
    return "Setting " + setting + "=" + value + " " + what
        + "; check the spelling: a setting that matches nothing means the rule checks nothing there";
  }

  static String rootsText(Collection<String> roots) {
    return roots.isEmpty() ? "none" : String.join(", ", roots);
  }

  static String noResources(Collection<String> roots, List<String> folders) {
    return "Found no " + String.join(", ", ClassPathResources.EXTENSIONS) + " file"
        + (folders.isEmpty() ? "" : " in " + TenancySettings.RESOURCE_FOLDERS + "=" + String.join(",", folders))
        + " beside the analysed classes (class-path roots read: " + rootsText(roots) + "), so this rule checked"
        + " nothing: analyse the classes from the directory or jar their resources are in (for example with"
        + " @AnalyzeClasses(packages = ...) on the main code), or leave this rule out if the host keeps no such file";
  }

  static String noTenantTables(Collection<String> namedTables) {
    return "Knows no tenant table, so it checked nothing, while the host's SQL names the tables "
        + String.join(", ", namedTables) + ": declare the tenant tables with " + TenancySettings.TENANT_TABLES
        + "=<table>,<table> or read them from the per-tenant migration scripts with "
        + TenancySettings.TENANT_MIGRATIONS + "=<folder>; a host with no tenant table of its own sets "
        + TenancySettings.TENANT_TABLES + "=" + TenancySettings.NONE;
  }
}
