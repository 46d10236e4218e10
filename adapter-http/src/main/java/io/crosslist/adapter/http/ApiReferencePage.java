package io.crosslist.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable API reference served at {@code /docs}: one HTML page rendered once from the OpenAPI document,
 * self-contained (inline style, no script, nothing fetched from elsewhere), so it works offline and behind a
 * firewall. Each operation gets a section with its method and path, summary, parameters, request body and
 * responses; the schemas follow.
 */
final class ApiReferencePage {
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  private static final String STYLE = """
      body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
      code,.path{font-family:ui-monospace,monospace}h2{border-bottom:1px solid #ddd;margin-top:2.5rem}
      .op{border:1px solid #e3e3e3;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
      .method{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
      .get{color:#0a6}.post{color:#06c}.put{color:#a60}.patch{color:#a60}.delete{color:#c22}
      table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #e3e3e3;padding:.2rem .5rem;text-align:left}
      nav li{list-style:none}nav ul{padding-left:1rem}""";

  private ApiReferencePage() {}

  /** The page for {@code openApi} (the OpenAPI 3.1 JSON document). */
  static byte[] render(byte[] openApi) {
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(openApi);
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.json is not JSON", e);
    }
    StringBuilder html = new StringBuilder(64 * 1024);
    String title = doc.path("info").path("title").asText("API") + " " + doc.path("info").path("version").asText("");
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append(" reference</title><style>").append(STYLE).append("</style></head><body><h1>").append(escape(title))
        .append(" reference</h1><p>").append(escape(doc.path("info").path("description").asText("")))
        .append("</p><p>Generated from <a href=\"/openapi.json\">/openapi.json</a>.</p>");
    Map<String, List<String[]>> byTag = operationsByTag(doc.path("paths"));
    html.append("<nav><ul>");
    byTag.forEach((tag, ops) -> {
      html.append("<li><a href=\"#tag-").append(anchor(tag)).append("\">").append(escape(tag)).append("</a><ul>");
      ops.forEach(op -> html.append("<li><a href=\"#").append(anchor(op[0] + op[1])).append("\"><span class=\"method ")
          .append(op[0]).append("\">").append(op[0]).append("</span> <span class=\"path\">").append(escape(op[1]))
          .append("</span></a></li>"));
      html.append("</ul></li>");
    });
    html.append("</ul></nav>");
    byTag.forEach((tag, ops) -> {
      html.append("<h2 id=\"tag-").append(anchor(tag)).append("\">").append(escape(tag)).append("</h2>");
      for (String[] op : ops) {
        operation(html, op[0], op[1], doc.path("paths").path(op[1]).path(op[0]));
      }
    });
    schemas(html, doc.path("components").path("schemas"));
    return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {method, path} of every operation, by its first tag, in the document's order. */
  private static Map<String, List<String[]>> operationsByTag(JsonNode paths) {
    Map<String, List<String[]>> byTag = new LinkedHashMap<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (String method : METHODS) {
        JsonNode op = paths.path(path).path(method);
        if (!op.isMissingNode()) {
          String tag = op.path("tags").path(0).asText("other");
          byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(new String[] {method, path});
        }
      }
    }
    return byTag;
  }

  private static void operation(StringBuilder html, String method, String path, JsonNode op) {
    html.append("<section class=\"op\" id=\"").append(anchor(method + path)).append("\"><h3><span class=\"method ")
        .append(method).append("\">").append(method.toUpperCase(Locale.ROOT)).append("</span> <span class=\"path\">")
        .append(escape(path)).append("</span></h3><p><strong>").append(escape(op.path("summary").asText("")))
        .append("</strong></p>");
    if (op.has("description")) {
      html.append("<p>").append(escape(op.path("description").asText())).append("</p>");
    }
    if (op.path("security").isArray() && op.path("security").isEmpty()) {
      html.append("<p>No token needed.</p>");
    }
    if (op.path("parameters").size() > 0) {
      html.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>");
      for (JsonNode p : op.path("parameters")) {
        html.append("<tr><td><code>").append(escape(p.path("name").asText(ref(p)))).append("</code></td><td>")
            .append(escape(p.path("in").asText(""))).append("</td><td>").append(escape(type(p.path("schema"))))
            .append("</td><td>").append(p.path("required").asBoolean() ? "yes" : "").append("</td><td>")
            .append(escape(p.path("description").asText(""))).append("</td></tr>");
      }
      html.append("</table>");
    }
    JsonNode body = op.path("requestBody").path("content");
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String type = it.next();
      html.append("<p>Request body (<code>").append(escape(type)).append("</code>): ")
          .append(escape(type(body.path(type).path("schema")))).append("</p>");
    }
    html.append("<table><tr><th>status</th><th>response</th></tr>");
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      html.append("<tr><td>").append(escape(response.getKey())).append("</td><td>")
          .append(escape(response.getValue().path("description").asText(ref(response.getValue()))))
          .append("</td></tr>");
    }
    html.append("</table></section>");
  }

  private static void schemas(StringBuilder html, JsonNode schemas) {
    html.append("<h2 id=\"schemas\">Schemas</h2>");
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      html.append("<section class=\"op\" id=\"schema-").append(anchor(schema.getKey())).append("\"><h3>")
          .append(escape(schema.getKey())).append("</h3>");
      if (schema.getValue().has("description")) {
        html.append("<p>").append(escape(schema.getValue().path("description").asText())).append("</p>");
      }
      JsonNode properties = schema.getValue().path("properties");
      if (properties.size() > 0) {
        html.append("<table><tr><th>field</th><th>type</th><th>description</th></tr>");
        for (Iterator<Map.Entry<String, JsonNode>> f = properties.fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> field = f.next();
          html.append("<tr><td><code>").append(escape(field.getKey())).append("</code></td><td>")
              .append(escape(type(field.getValue()))).append("</td><td>")
              .append(escape(field.getValue().path("description").asText(""))).append("</td></tr>");
        }
        html.append("</table>");
      }
      html.append("</section>");
    }
  }

  /** A schema's type in a few words: its $ref's name, its type (and items), or its enum values. */
  private static String type(JsonNode schema) {
    if (schema.has("$ref")) {
      return ref(schema);
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.asText()));
      return "one of " + String.join(", ", values);
    }
    JsonNode type = schema.path("type");
    String name = type.isArray() ? type.toString().replaceAll("[\\[\\]\"]", "").replace(",", " or ") : type.asText("");
    return name.equals("array") ? "array of " + type(schema.path("items")) : name;
  }

  private static String ref(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String anchor(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
