package io.crosslist.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference page names every operation of the OpenAPI document, escapes its text and loads nothing else. */
class ApiReferencePageTest {

  @Test
  void every_operation_of_the_document_has_its_section() throws Exception {
    String page = new String(ApiReferencePage.render(CrosslistHttpApi.openApi()), StandardCharsets.UTF_8);
    JsonNode paths = new ObjectMapper().readTree(CrosslistHttpApi.openApi()).path("paths");
    List<String> missing = new ArrayList<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (Iterator<String> m = paths.path(path).fieldNames(); m.hasNext(); ) {
        String method = m.next();
        if (!page.contains("<span class=\"method " + method + "\">" + method.toUpperCase(java.util.Locale.ROOT)
            + "</span> <span class=\"path\">" + path + "</span>")) {
          missing.add(method + " " + path);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void it_escapes_the_documents_text_and_fetches_nothing() {
    String page = new String(ApiReferencePage.render("""
        {"openapi": "3.1.0", "info": {"title": "T<script>", "version": "1"},
         "paths": {"/x": {"get": {"summary": "a <b> & c", "responses": {"200": {"description": "ok"}}}}}}"""
        .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    assertTrue(page.contains("T&lt;script&gt;"), page);
    assertTrue(page.contains("a &lt;b&gt; &amp; c"), page);
    String real = new String(ApiReferencePage.render(CrosslistHttpApi.openApi()), StandardCharsets.UTF_8);
    for (String fetching : List.of("<script", "<link", " src=", "http://", "https://", "@import")) {
      assertFalse(real.contains(fetching), "the page must work offline, found " + fetching);
    }
  }
}
