package io.crosslist.adapter.persistence.internal.tenancy;

import io.crosslist.adapter.persistence.MigrationTrack;
import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.UnresolvedTenantPlaceholderException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The mapper rules, checked on a host's mappers when the persistence module starts: only {@code ${tenant}} is
 * substituted into SQL text, and a tenant table (one that a tenant migration track creates, or that some statement
 * names as {@code ${tenant}.name}) is always named {@code ${tenant}.name}. A mapper that breaks one stops the start
 * with every offending statement named, before any pool opens.
 *
 * <p>The same rules run in a host's build as ArchUnit rules ({@code crosslist-tenancy-rules}); this is their
 * start-up form for the mappers a host registers, reading the statements MyBatis will load (annotations and the
 * XML file beside the interface).
 */
public final class MapperRules {
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?\\$\\{tenant}\\.\"?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern TENANT_QUALIFIED = Pattern.compile("\\$\\{tenant}\\.\"?([A-Za-z_][A-Za-z0-9_]*)");
  /** A table after a keyword that names one: its qualifier if any (group 1) and its name (group 2). */
  private static final Pattern TABLE_REFERENCE = Pattern.compile(
      "(?i)\\b(?:from|join|into|update|table)\\s+((?:\"?[A-Za-z0-9_${}]+\"?\\.)?)\"?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern XML_STATEMENT = Pattern.compile(
      "(?s)<(select|insert|update|delete|sql)\\b[^>]*\\bid\\s*=\\s*\"([^\"]+)\"[^>]*>(.*?)</\\1>");
  private static final List<Class<? extends Annotation>> STATEMENTS = List.of(Select.class, Insert.class,
      Update.class, Delete.class);

  private MapperRules() {}

  /** One statement's text and where it comes from. */
  public record Statement(String where, String sql) {}

  /**
   * @throws IllegalStateException naming every statement that breaks a rule
   */
  public static void check(List<Class<?>> mappers, List<MigrationTrack> tracks) {
    List<Statement> statements = new ArrayList<>();
    mappers.forEach(mapper -> statements.addAll(statementsOf(mapper)));
    Set<String> tenantTables = new TreeSet<>();
    tracks.forEach(track -> track.scripts().forEach(script -> collect(CREATE_TABLE, script.sql(), tenantTables)));
    statements.forEach(statement -> collect(TENANT_QUALIFIED, statement.sql(), tenantTables));

    List<String> problems = new ArrayList<>();
    for (Statement statement : statements) {
      try {
        TenantSqlRenderer.hideFromMyBatis(statement.sql(), statement.where());
      } catch (UnresolvedTenantPlaceholderException e) {
        problems.add(e.getMessage());
      }
      Matcher m = TABLE_REFERENCE.matcher(statement.sql());
      while (m.find()) {
        String table = m.group(2).toLowerCase(Locale.ROOT);
        if (tenantTables.contains(table) && !m.group(1).equals("${tenant}.")) {
          problems.add(statement.where() + " names the tenant table " + table + " as '" + m.group(1) + m.group(2)
              + "': write ${tenant}." + table + " (tenant tables are always qualified; the connection's search_path"
              + " resolves none)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("host mappers break the mapper rules: " + String.join("; ", problems));
    }
  }

  /** The statements a mapper declares: its annotated methods and its XML file, if any. */
  public static List<Statement> statementsOf(Class<?> mapper) {
    List<Statement> statements = new ArrayList<>();
    for (Method method : mapper.getMethods()) {
      for (Class<? extends Annotation> kind : STATEMENTS) {
        Annotation annotation = method.getAnnotation(kind);
        if (annotation != null) {
          statements.add(new Statement("mapper statement " + mapper.getName() + "." + method.getName(),
              String.join(" ", values(annotation))));
        }
      }
    }
    String xml = mapper.getName().replace('.', '/') + ".xml";
    ClassLoader loader = mapper.getClassLoader() != null ? mapper.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(xml)) {
      if (in != null) {
        Matcher m = XML_STATEMENT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (m.find()) {
          statements.add(new Statement("mapper statement " + mapper.getName() + "." + m.group(2) + " (" + xml + ")",
              m.group(3)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + xml + ": " + e.getMessage(), e);
    }
    return statements;
  }

  private static String[] values(Annotation annotation) {
    try {
      return (String[]) annotation.annotationType().getMethod("value").invoke(annotation);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + annotation, e);
    }
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      into.add(m.group(1).toLowerCase(Locale.ROOT));
    }
  }
}
