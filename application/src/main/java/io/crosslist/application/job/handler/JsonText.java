package io.crosslist.application.job.handler;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the small flat JSON objects handlers return as job results; values are strings, numbers or booleans. */
final class JsonText {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  static JsonText object() {
    return new JsonText();
  }

  JsonText with(String name, Object value) {
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
      if (value == null) {
        json.append("null");
      } else if (value instanceof Number || value instanceof Boolean) {
        json.append(value);
      } else {
        quote(json, value.toString());
      }
    });
    return json.append('}').toString();
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
          if (c < 0x20) {
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
