package io.crosslist.tenancy.rules;

import io.crosslist.tenancy.rules.ClassPathResources.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the rules read a resource: its text with comments blanked out (offsets and lines kept, so a
 * commented-out statement is not reported and line numbers stay right), and the keys of a properties or
 * YAML file, so that a setting such as a pool's schema is found by its name.
 */
final class ResourceText {

  /** One {@code key = value} of a properties or YAML file; YAML keys are joined with dots ({@code a.b.c}). */
  record Entry(String key, String value, int line) {}

  private static final Pattern SQL_OR_XML_COMMENT = Pattern.compile("(?s)<!--.*?-->|/\\*.*?\\*/|--[^\\n]*");
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*[#!][^\\n]*");
  private static final Pattern YAML_COMMENT = Pattern.compile("(?m)(?:^|(?<=\\s))#[^\\n]*");
  private static final Pattern YAML_KEY =
      Pattern.compile("^(\\s*)(?:-\\s+)?([^\\s:#'\"][^:#]*?|'[^']*'|\"[^\"]*\")\\s*:(?:\\s+(.*))?$");

  private ResourceText() {}

  /** The text the rules match against, comments replaced by spaces. */
  static String withoutComments(Resource resource) {
    if (resource.isA(".sql", ".xml")) {
      return blank(SQL_OR_XML_COMMENT, resource.text());
    }
    if (resource.isA(".properties")) {
      return blank(LINE_COMMENT, resource.text());
    }
    return blank(YAML_COMMENT, resource.text());
  }

  private static String blank(Pattern comment, String text) {
    Matcher m = comment.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The entries of a properties or YAML file (none for other files). */
  static List<Entry> entries(Resource resource) {
    if (resource.isA(".properties")) {
      return properties(resource.text());
    }
    if (resource.isA(".yaml", ".yml")) {
      return yaml(withoutComments(resource));
    }
    return List.of();
  }

  private static List<Entry> properties(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(lines[i].strip());
      while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.length) {
        logical.setLength(logical.length() - 1);
        logical.append(lines[++i].strip());
      }
      String line = logical.toString();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int split = 0;
      while (split < line.length() && "=: \t".indexOf(line.charAt(split)) < 0) {
        split += line.charAt(split) == '\\' ? 2 : 1;
      }
      split = Math.min(split, line.length());
      String key = line.substring(0, split);
      String value = line.substring(split).replaceFirst("^\\s*[=:]?\\s*", "");
      entries.add(new Entry(key, value, first + 1));
    }
    return entries;
  }

  private static List<Entry> yaml(String text) {
    List<Entry> entries = new ArrayList<>();
    Deque<int[]> indents = new ArrayDeque<>();
    Deque<String> keys = new ArrayDeque<>();
    int blockIndent = -1; // inside a block scalar (| or >) opened at this indent
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\r", "");
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (blockIndent >= 0 && indent > blockIndent) {
        continue;
      }
      blockIndent = -1;
      Matcher m = YAML_KEY.matcher(line);
      if (!m.matches()) {
        continue;
      }
      int keyIndent = m.start(2);
      while (!indents.isEmpty() && indents.peek()[0] >= keyIndent) {
        indents.pop();
        keys.pop();
      }
      String key = m.group(2).replaceAll("^['\"]|['\"]$", "").strip();
      String value = m.group(3) == null ? "" : m.group(3).strip();
      List<String> path = new ArrayList<>(keys);
      java.util.Collections.reverse(path);
      path.add(key);
      entries.add(new Entry(String.join(".", path), value, i + 1));
      if (value.isEmpty()) {
        indents.push(new int[] {keyIndent});
        keys.push(key);
      } else if (value.matches("[|>][-+0-9]*")) {
        blockIndent = indent;
      }
    }
    return entries;
  }
}
