package io.crosslist.tenancy.rules;

import static io.crosslist.tenancy.rules.SqlSources.shown;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.crosslist.tenancy.rules.ClassPathResources.Resource;
import io.crosslist.tenancy.rules.ResourceText.Entry;
import io.crosslist.tenancy.rules.SchemaSwitches.Match;
import io.crosslist.tenancy.rules.SchemaSwitches.Reach;
import io.crosslist.tenancy.rules.SqlSources.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each tenancy rule as a public ArchUnit condition over classes, for a host that composes its own rules
 * ({@code classes().that().resideInAPackage("com.acme.legacy..").should(TenancyConditions.qualifyTenantTables(settings))}).
 * Conditions that read resources read those beside the classes they are given. Each also reports a setting
 * that matches nothing among them, since a rule would then check nothing there.
 *
 * @see TenancyRules the same conditions as ready rules
 */
public final class TenancyConditions {
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)}");

  private TenancyConditions() {}

  /** No string constant, text block, concatenation or annotation value (MyBatis {@code @Update} included) switches the schema. */
  public static ArchCondition<JavaClass> notSwitchTheSchemaInCode(TenancySettings settings) {
    return new HostCondition("hold no SQL or property that switches the session schema", settings, false) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        if (isPersistence(item)) {
          return;
        }
        for (Text text : SqlSources.strings(item)) {
          for (Match m : SchemaSwitches.find(text.text())) {
            events.add(SimpleConditionEvent.violated(item, text.at(m.offset(),
                Messages.switchFound(shown(m.statement()), m.reach())) + Messages.because(m.reach(), Messages.SWITCH_FIX_CODE)));
          }
          if (SchemaSwitches.isCurrentSchemaPropertyName(text.text())) {
            events.add(SimpleConditionEvent.violated(item, text.at(0, "names the PgJDBC connection property \""
                + text.text().strip() + "\"") + Messages.because(Reach.POOL, Messages.SWITCH_FIX_CODE)));
          }
        }
      }
    };
  }

  /**
   * No call of {@code Connection.setSchema}, {@code HikariConfig.setSchema} or a PgJDBC data source's
   * {@code setCurrentSchema}.
   */
  public static ArchCondition<JavaClass> notCallSchemaSwitchingMethods(TenancySettings settings) {
    return new HostCondition("call no method that switches the session schema", settings, false) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        if (isPersistence(item)) {
          return;
        }
        List<JavaAccess<?>> accesses = new ArrayList<>(item.getMethodCallsFromSelf());
        accesses.addAll(item.getMethodReferencesFromSelf());
        accesses.sort(Comparator.comparingInt(JavaAccess::getLineNumber));
        for (JavaAccess<?> access : accesses) {
          Reach reach = switchingMethod(access.getTargetOwner(), access.getName());
          if (reach != null) {
            events.add(SimpleConditionEvent.violated(item, SqlSources.subject(access.getOrigin()) + " calls "
                + access.getTarget().getFullName() + " in (" + SqlSources.fileOf(item) + ":" + access.getLineNumber() + ")"
                + Messages.because(reach, Messages.SWITCH_FIX_CODE)));
          }
        }
      }
    };
  }

  /** No {@code .sql}, {@code .xml}, {@code .properties} or YAML resource switches the schema (init SQL, URLs, pool settings). */
  public static ArchCondition<JavaClass> notSwitchTheSchemaInResources(TenancySettings settings) {
    return new HostCondition("keep resources that switch no session schema", settings, true) {
      @Override
      void finish(List<Resource> checked, ConditionEvents events) {
        if (checked.isEmpty()) {
          HostCondition.violated(events, Messages.noResources(scan.roots(), settings.resourceFolders()));
        }
        for (Resource resource : checked) {
          if (!isPersistence(resource)) {
            switchesIn(resource, events);
          }
        }
      }

      private void switchesIn(Resource resource, ConditionEvents events) {
        Text text = SqlSources.of(resource);
        Set<Integer> reported = new HashSet<>();
        for (Match m : SchemaSwitches.find(text.text())) {
          reported.add(text.lineAt(m.offset()));
          events.add(SimpleConditionEvent.violated(resource.path(), text.at(m.offset(),
              Messages.switchFound(m.statement(), m.reach())) + Messages.because(m.reach(), Messages.SWITCH_FIX_RESOURCE)));
        }
        for (Entry entry : ResourceText.entries(resource)) {
          String last = entry.key().substring(entry.key().lastIndexOf('.') + 1);
          boolean pgProperty = SchemaSwitches.isCurrentSchemaPropertyName(last);
          boolean poolSchema = last.equalsIgnoreCase("schema") && entry.key().toLowerCase(Locale.ROOT).contains("hikari");
          if ((pgProperty || poolSchema) && reported.add(entry.line())) {
            String what = (pgProperty ? "sets the PgJDBC connection property " : "sets HikariCP's schema with ")
                + "\"" + SchemaSwitches.oneLine(entry.key() + "=" + entry.value()) + "\"";
            events.add(SimpleConditionEvent.violated(resource.path(), "Resource <" + resource.path() + "> " + what + " in ("
                + resource.path() + ":" + entry.line() + ")" + Messages.because(Reach.POOL, Messages.SWITCH_FIX_RESOURCE)));
          }
        }
      }
    };
  }

  /**
   * SQL (mapper XML, annotation values, SQL constants) substitutes no {@code ${...}} but {@code ${tenant}};
   * values are {@code #{...}}.
   */
  public static ArchCondition<JavaClass> substituteOnlyTheTenantIntoSql(TenancySettings settings) {
    return new HostCondition("substitute only ${tenant} into SQL text", settings, true) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        SqlSources.sql(item).forEach(text -> substitutions(item, text, events));
      }

      @Override
      void finish(List<Resource> checked, ConditionEvents events) {
        SqlSources.mappers(checked).forEach(text -> substitutions(text.file(), text, events));
      }

      private void substitutions(Object where, Text text, ConditionEvents events) {
        Matcher m = SUBSTITUTION.matcher(text.text());
        while (m.find()) {
          String name = m.group(1).strip();
          if (!name.equals("tenant")) {
            events.add(SimpleConditionEvent.violated(where, text.at(m.start(), "substitutes " + m.group()
                + " into SQL text") + Messages.substitutionFix(name)));
          }
        }
      }
    };
  }

  /**
   * SQL (mapper XML, annotation values, SQL constants) names every tenant table as {@code ${tenant}.table}.
   * Tenant tables are those of the settings, those created by the per-tenant migration scripts, and those
   * written {@code ${tenant}.name} anywhere; a rule that knows none while the SQL names tables fails.
   */
  public static ArchCondition<JavaClass> qualifyTenantTables(TenancySettings settings) {
    return new HostCondition("name every tenant table as ${tenant}.table in SQL", settings, true) {
      private final List<Text> classSql = new ArrayList<>();

      @Override
      void reset() {
        classSql.clear();
      }

      @Override
      public void check(JavaClass item, ConditionEvents events) {
        classSql.addAll(SqlSources.sql(item));
      }

      @Override
      void finish(List<Resource> checked, ConditionEvents events) {
        List<Text> sql = new ArrayList<>(classSql);
        sql.addAll(SqlSources.mappers(checked));
        TenantTables.Known known = TenantTables.resolve(settings, scan.resources(), scan.roots(), sql);
        known.problems().forEach(problem -> HostCondition.violated(events, problem));
        if (known.tables().isEmpty() && !settings.noTenantTables()) {
          Set<String> named = new TreeSet<>();
          sql.forEach(text -> named.addAll(TenantTables.named(text.text())));
          if (!named.isEmpty()) {
            HostCondition.violated(events, Messages.noTenantTables(named));
          }
        }
        for (Text text : sql) {
          Matcher m = TenantTables.TABLE_REFERENCE.matcher(text.text());
          while (m.find()) {
            String table = TenantTables.lower(m.group(2));
            if (known.tables().contains(table) && !m.group(1).equals("${tenant}.")) {
              String found = "names tenant table " + table + " without ${tenant} (\"" + SchemaSwitches.oneLine(m.group()) + "\")";
              events.add(SimpleConditionEvent.violated(text.file(),
                  text.at(m.start(), found) + Messages.qualifyFix(table, !m.group(1).isEmpty())));
            }
          }
        }
      }
    };
  }

  private static Reach switchingMethod(JavaClass owner, String method) {
    if (method.equals("setSchema") && owner.isAssignableTo("java.sql.Connection")) {
      return Reach.SESSION;
    }
    if (method.equals("setSchema") && (owner.isAssignableTo("com.zaxxer.hikari.HikariConfig")
        || owner.getName().startsWith("com.zaxxer.hikari."))) {
      return Reach.POOL;
    }
    if (method.equals("setCurrentSchema") && (owner.isAssignableTo("org.postgresql.ds.common.BaseDataSource")
        || owner.getName().startsWith("org.postgresql."))) {
      return Reach.POOL;
    }
    return null;
  }
}
