package io.crosslist.tenancy.rules;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;
import io.crosslist.tenancy.rules.ClassPathResources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The texts the rules read, each with where it is: a class's string constants and annotation values (the
 * SQL of MyBatis {@code @Select}/{@code @Insert}/{@code @Update}/{@code @Delete}, Spring Data {@code @Query},
 * JDBI {@code @SqlQuery} alike), and resources. A text knows its source line; a resource's line moves with
 * the offset inside it, a class member's is the member's own.
 */
final class SqlSources {

  /** One text and where it is: an ArchUnit-style subject ({@code Method <a.B.m()>}), a file and a first line. */
  record Text(String subject, String file, int line, boolean lineMovesWithOffset, String text) {
    int lineAt(int offset) {
      if (!lineMovesWithOffset) {
        return line;
      }
      int l = line;
      for (int i = 0; i < offset && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          l++;
        }
      }
      return l;
    }

    /** {@code subject what in (file:line)}: the line is in the one place ArchUnit's freeze matcher ignores it. */
    String at(int offset, String what) {
      return subject + " " + what + " in (" + file + ":" + lineAt(offset) + ")";
    }
  }

  private static final Pattern SQL_START = Pattern.compile(
      "(?is)^\\s*(?:<script>)?[\\s(]*(?:select|insert|update|delete|with|merge|create|alter|drop|truncate|copy)\\b.*");

  private SqlSources() {}

  /** Whether a string is SQL (starts with a statement keyword), as opposed to a message, a name or a pattern. */
  static boolean looksLikeSql(String text) {
    return SQL_START.matcher(text).matches();
  }

  /** Every string constant of a class, and every string value of its annotations. */
  static List<Text> strings(JavaClass javaClass) {
    String file = fileOf(javaClass);
    List<Text> texts = new ArrayList<>();
    for (ClassFileStrings.Use use : ClassFileStrings.of(javaClass)) {
      texts.add(new Text(use.subject(), file, use.line(), false, use.text()));
    }
    annotationValues(javaClass, "Class <" + javaClass.getName() + ">", javaClass.getAnnotations(), javaClass, texts);
    List<JavaMember> members = new ArrayList<>();
    members.addAll(javaClass.getCodeUnits());
    members.addAll(javaClass.getFields());
    for (JavaMember member : members) {
      annotationValues(javaClass, subject(member), member.getAnnotations(), member, texts);
    }
    return texts;
  }

  /** The strings of a class that are SQL. */
  static List<Text> sql(JavaClass javaClass) {
    return strings(javaClass).stream().filter(t -> looksLikeSql(t.text())).toList();
  }

  /** A resource as one text, comments blanked out. */
  static Text of(Resource resource) {
    return new Text("Resource <" + resource.path() + ">", resource.path(), 1, true, ResourceText.withoutComments(resource));
  }

  /** The MyBatis mapper XML among resources, as SQL texts. */
  static List<Text> mappers(Collection<Resource> resources) {
    return resources.stream().filter(r -> r.isA(".xml") && r.text().contains("<mapper")).map(SqlSources::of).toList();
  }

  /** A text for messages: concatenation arguments shown as {@code <expr>}, whitespace collapsed. */
  static String shown(String text) {
    return SchemaSwitches.oneLine(text.replace(String.valueOf(ClassFileStrings.RECIPE_ARGUMENT), "<expr>"));
  }

  private static void annotationValues(JavaClass owner, String subject, Collection<? extends JavaAnnotation<?>> annotations,
      HasSourceCodeLocation located, List<Text> out) {
    for (JavaAnnotation<?> annotation : annotations) {
      String where = subject + " @" + annotation.getRawType().getSimpleName();
      int line = located.getSourceCodeLocation().getLineNumber();
      annotation.getProperties().forEach((name, value) -> {
        if (value instanceof String s) {
          out.add(new Text(where, fileOf(owner), line, false, s));
        } else if (value instanceof String[] array) {
          out.add(new Text(where, fileOf(owner), line, false, String.join("\n", array)));
        }
      });
    }
  }

  /** {@code Method <a.B.m(int)>}, {@code Field <a.B.f>}: how ArchUnit names a member in its own messages. */
  static String subject(JavaMember member) {
    String kind = member instanceof JavaField ? "Field" : member instanceof JavaConstructor ? "Constructor"
        : member instanceof JavaStaticInitializer ? "Static Initializer" : "Method";
    return kind + " <" + member.getFullName() + ">";
  }

  static String fileOf(JavaClass javaClass) {
    String file = javaClass.getSourceCodeLocation().getSourceFileName();
    return file == null || file.isEmpty() ? javaClass.getSimpleName() + ".java" : file;
  }
}
