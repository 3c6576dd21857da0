package dev.reelskit.mock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mock's {@code /docs/index.html} in headless Chromium. Every host but loopback is unresolvable
 * in these runs, so a rendered UI proves its assets come from the packaged webjar.
 */
class SwaggerUiIT {

  @RegisterExtension static final ReelsMockExtension mock = ReelsMockExtension.builder().build();

  private HeadlessChromium chromium;

  @BeforeEach
  void start_chromium() {
    chromium = HeadlessChromium.require();
  }

  @AfterEach
  void stop_chromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void the_swagger_ui_renders_both_operations_from_the_packaged_webjar() {
    String dom = chromium.dumpDom(mock.baseUrl() + "/docs/index.html", Duration.ofSeconds(30));

    assertThat(dom)
        .as(chromium.logTail())
        .contains("id=\"operations-reels-analyzeReel\"", "id=\"operations-reels-getReel\"")
        .contains("/api/v1/reels/analyze", "/api/v1/reels/{id}");
  }

  @Test
  void try_it_out_on_get_reel_42_answers_200_with_the_done_job() throws IOException {
    String answer;
    try (DevTools page = chromium.devTools()) {
      page.navigate(mock.baseUrl() + "/docs/index.html");
      answer =
          page.evaluate(
              "("
                  + resource("swagger-try-it-out.js")
                  + ")("
                  + ReelsJson.mapper().writeValueAsString(mock.token())
                  + ")",
              Duration.ofSeconds(45));
    }

    JsonNode panel = ReelsJson.mapper().readTree(answer);
    assertThat(panel.get("status").asText()).as(answer).isEqualTo("200");
    JsonNode job = ReelsJson.mapper().readTree(panel.get("body").asText());
    assertThat(job.get("id").asLong()).isEqualTo(42);
    assertThat(job.get("status").asText()).isEqualTo("done");
    assertThat(panel.get("requestUrl").asText()).isEqualTo(mock.baseUrl() + "/api/v1/reels/42");
  }

  @Test
  void the_panel_link_covers_no_button_and_try_it_out_defaults_to_the_mocks_own_origin()
      throws IOException {
    String answer;
    try (DevTools page = chromium.devTools()) {
      page.viewport(1024, 768);
      page.navigate(mock.baseUrl() + "/docs/index.html");
      answer = page.evaluate("(" + resource("swagger-layout.js") + ")()", Duration.ofSeconds(45));
      page.screenshot(java.nio.file.Path.of("target", "swagger-ui-1024.png"));
    }

    JsonNode layout = ReelsJson.mapper().readTree(answer);
    assertThat(layout.get("linkVisible").asBoolean()).as(answer).isTrue();
    assertThat(layout.get("covered")).as(answer).isEmpty();
    assertThat(layout.get("hidden")).as(answer).isEmpty();
    assertThat(layout.get("selectedServer").asText()).as(answer).isEqualTo(mock.baseUrl());
    assertThat(layout.get("servers").toString()).contains("https://api.instatollm.com");
  }

  private static String resource(String name) {
    try (InputStream in = SwaggerUiIT.class.getResourceAsStream("/browser/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
