package io.crosslist.application.job.handler;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the small JSON objects job handlers return as results. A value is a string (any other object is written
 * as its {@code toString()}), a number, a boolean, null, a nested {@code JsonText}, or a collection of those (an
 * array):
 *
 * <pre>{@code
 * JsonText.object().with("imported", 3).with("failures", List.of(JsonText.object().with("product", 7)))
 * // {"imported":3,"failures":[{"product":7}]}
 * }</pre>
 */
public final class JsonText {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  public static JsonText object() {
    return new JsonText();
  }

  /** Adds (or replaces) the field {@code name}; returns this. */
  public JsonText with(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder json = new StringBuilder("{");
    fields.forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      quote(json, name).append(':');
      value(json, value);
    });
    return json.append('}').toString();
  }

  private static void value(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Number || value instanceof Boolean || value instanceof JsonText) {
      json.append(value);
    } else if (value instanceof Collection<?> values) {
      json.append('[');
      String separator = "";
      for (Object element : values) {
        value(json.append(separator), element);
        separator = ",";
      }
      json.append(']');
    } else {
      quote(json, value.toString());
    }
  }

  private static StringBuilder quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) { // the two are line ends to JavaScript
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
