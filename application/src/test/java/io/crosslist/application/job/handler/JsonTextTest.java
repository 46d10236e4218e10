package io.crosslist.application.job.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void writes_strings_numbers_booleans_and_null_in_the_order_given() {
    assertEquals("{\"b\":\"x\",\"a\":3,\"ok\":true,\"none\":null}",
        JsonText.object().with("b", "x").with("a", 3).with("ok", true).with("none", null).toString());
  }

  @Test
  void escapes_quotes_backslashes_control_characters_and_javascript_line_ends() {
    assertEquals("{\"e\":\"a\\\"b\\\\c\\nd\\u0001e\\u2028f\"}",
        JsonText.object().with("e", "a\"b\\c\nd\u0001e\u2028f").toString());
  }

  @Test
  void nests_objects_and_arrays() {
    assertEquals("{\"n\":2,\"failures\":[{\"product\":7,\"error\":\"gone\"},{\"product\":8}],\"none\":[]}",
        JsonText.object().with("n", 2)
            .with("failures", List.of(JsonText.object().with("product", 7L).with("error", "gone"),
                JsonText.object().with("product", 8)))
            .with("none", List.of()).toString());
  }
}
