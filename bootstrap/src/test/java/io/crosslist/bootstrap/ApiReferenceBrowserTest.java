package io.crosslist.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.library.CrosslistModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /docs}, the API reference rendered from the OpenAPI document, loaded by a real headless browser
 * (Debian's Chromium, which {@code .ci/run} installs): the page loads and shows every route the server serves. The
 * browser runs with networking to anything but this server off (a proxy that does not exist), so a page that needed
 * a CDN would not render. Skipped where no Chromium is installed, except on CI ({@code CI=true}), where it fails.
 */
class ApiReferenceBrowserTest {
  @TempDir
  Path profile;

  @Test
  void the_reference_page_shows_every_route_in_a_headless_browser() throws Exception {
    String browser = browser();
    if (browser == null) {
      Assumptions.assumeTrue("true".equalsIgnoreCase(System.getenv("CI")) ? fail() : false,
          "no chromium on the PATH: apt-get install chromium (.ci/run does)");
    }
    try (ApiClient client = new ApiClient(Persistence.get().injector.createChildInjector(new CrosslistModule(),
        new io.crosslist.adapter.http.CrosslistHttpModule()))) {
      Process process = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--proxy-server=127.0.0.1:9",
          "--proxy-bypass-list=127.0.0.1", "--dump-dom", "http://127.0.0.1:" + client.port + "/docs")
          .redirectError(profile.resolve("browser.log").toFile()).start();
      byte[] out = process.getInputStream().readAllBytes();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the browser did not finish");
      String dom = new String(out, StandardCharsets.UTF_8);
      assertTrue(dom.contains("<h1>Crosslist"), "the page did not load: " + dom.substring(0, Math.min(500,
          dom.length())) + "\n" + Files.readString(profile.resolve("browser.log")));
      List<String> missing = new ArrayList<>();
      for (String route : client.api.routes()) {
        String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
        String path = route.substring(route.indexOf(' ') + 1).replace("&", "&amp;");
        if (!dom.contains("<span class=\"method " + method + "\">" + method.toUpperCase(Locale.ROOT)
            + "</span> <span class=\"path\">" + path + "</span>")) {
          missing.add(route);
        }
      }
      assertEquals(List.of(), missing, "routes the rendered page does not show");
      JsonNode doc = new ObjectMapper().readTree(CrosslistHttpApi.openApi());
      assertTrue(dom.contains(doc.path("info").path("title").asText()), "the title");
    }
  }

  private static boolean fail() {
    throw new AssertionError("CI=true but no chromium on the PATH: .ci/run installs it (apt-get install chromium)");
  }

  private static String browser() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }
}
