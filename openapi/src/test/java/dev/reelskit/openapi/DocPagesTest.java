package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader of the documentation pages: what it reads, what it refuses, how it compares. */
class DocPagesTest {

  private static final DocPages DOCS = DocPages.get();

  @Test
  void reads_all_seven_pages_in_the_documentation_order() {
    assertThat(DOCS.pages())
        .extracting(DocPage::page)
        .containsExactly(
            "overview", "analyze", "result", "schema", "pipeline", "authentication", "errors");
    assertThat(DOCS.precedence()).first().isEqualTo("errors");
  }

  @Test
  void tags_every_body_with_its_page() {
    assertThat(DOCS.bodies()).allSatisfy(b -> assertThat(b.page()).isNotBlank());
    assertThat(DOCS.bodiesFor("unknown-job")).extracting(DocBody::key).contains("errors/not-found");
  }

  @Test
  void keeps_every_pages_version_where_pages_disagree() {
    assertThat(DOCS.bodiesFor("submit-not-instagram"))
        .extracting(DocBody::key, b -> b.body().path("message").asText())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "errors/not-instagram", "URL must be an instagram.com link, got \"tiktok.com\""),
            org.assertj.core.groups.Tuple.tuple(
                "analyze/not-instagram", "URL must be an instagram.com link"));
    assertThat(DOCS.bodiesFor("no-token"))
        .extracting(DocBody::key)
        .containsExactly("errors/missing-token", "analyze/missing-token");
  }

  @Test
  void the_mock_sends_the_most_specific_pages_body() {
    assertThat(DOCS.mockBody("unknown-job").orElseThrow().body())
        .isEqualTo(json("{\"message\":\"not found\",\"status\":\"error\"}"));
    assertThat(DOCS.mockBody("no-token").orElseThrow().body())
        .isEqualTo(json("{\"error\":\"API token required (Authorization: Bearer ist_...)\"}"));
    assertThat(DOCS.mockBody("submit-reel").orElseThrow().key()).isEqualTo("analyze/accepted");
    assertThat(DOCS.mockBodies())
        .extracting(b -> b.situation().trigger())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            DOCS.bodies().stream().map(b -> b.situation().trigger()).distinct().toList());
  }

  @Test
  void gathers_limits_tokens_retry_and_causes() {
    assertThat(DOCS.limits()).isEqualTo(new DocPage.Limits(10, 3, 90, 429));
    assertThat(DOCS.tokenPlaceholders())
        .containsExactlyInAnyOrder("ist_your_token", "ist_your_token_here");
    assertThat(DOCS.exampleToken()).isEqualTo("ist_aBcDeFgHiJkLmNoPqRsTuVwXyZ01");
    assertThat(DOCS.retry().statuses()).containsExactly(429, 500, 502, 503);
    assertThat(DOCS.retry().waitsSeconds()).containsExactly(1, 2);
    assertThat(DOCS.retry().weight()).isEqualTo("recommended");
    assertThat(DOCS.causes()).hasSize(5);
    assertThat(DOCS.causes().get(0).message()).isEqualTo("Video is not available");
    assertThat(DOCS.polling()).isEqualTo(new DocPage.Polling(5, 120));
  }

  @Test
  void the_example_token_has_the_documented_form() {
    DocPage.Tokens t = DOCS.page("authentication").tokens();
    assertThat(DOCS.exampleToken())
        .matches(t.prefix() + "[A-Za-z0-9]{" + t.lengthAfterPrefix() + "}");
  }

  @Test
  void compares_as_json_member_for_member() {
    DocBody notFound = DOCS.mockBody("unknown-job").orElseThrow();
    assertThat(notFound.differences(json("{\"status\":\"error\",\"message\":\"not found\"}")))
        .isEmpty();
    assertThat(notFound.differences(json("{\"error\":\"job not found\"}")))
        .containsExactly(
            "/message: expected \"not found\", but it is absent",
            "/status: expected \"error\", but it is absent",
            "/: unexpected member \"error\": \"job not found\"");
    assertThat(notFound.differences(json("{\"message\":\"not found\"}")))
        .containsExactly("/status: expected \"error\", but it is absent");
  }

  @Test
  void a_placeholder_checks_the_type_and_an_elided_member_nothing() {
    DocBody accepted = DOCS.mockBody("submit-reel").orElseThrow();
    assertThat(accepted.differences(json("{\"id\":7340000,\"status\":\"pending\"}"))).isEmpty();
    assertThat(accepted.differences(json("{\"id\":\"7340000\",\"status\":\"pending\"}")))
        .containsExactly("/id: expected a NUMBER (any value), got \"7340000\"");

    DocBody done = DOCS.mockBody("job-done").orElseThrow();
    JsonNode job =
        json(
            "{\"id\":42,\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\",\"status\":\"done\","
                + "\"error\":null,\"result\":{\"summary\":\"anything\"},"
                + "\"created_at\":\"2026-05-22T10:00:00Z\"}");
    assertThat(done.differences(job)).isEmpty();
    assertThat(done.shown().has("result")).isFalse();
  }

  @Test
  void numbers_compare_by_value() {
    DocBody done = DOCS.mockBody("job-done").orElseThrow();
    JsonNode job = done.body().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) job).put("id", 42L);
    assertThat(done.differences(job)).isEmpty();
  }

  @Test
  void refuses_a_body_whose_trigger_is_unknown() {
    Map<String, String> files = packaged();
    files.put(
        "errors.yaml",
        files.get("errors.yaml").replace("trigger: unknown-job", "trigger: unknown-jobs"));

    assertThatThrownBy(() -> DocPages.read(files::get))
        .hasMessageContaining("errors.yaml body not-found: unknown trigger unknown-jobs");
  }

  @Test
  void refuses_a_misspelt_field() {
    Map<String, String> files = packaged();
    files.put("errors.yaml", files.get("errors.yaml").replace("example_message:", "example_msg:"));

    assertThatThrownBy(() -> DocPages.read(files::get)).hasMessageContaining("example_msg");
  }

  @Test
  void refuses_a_placeholder_that_points_nowhere() {
    Map<String, String> files = packaged();
    files.put(
        "analyze.yaml",
        files.get("analyze.yaml").replace("placeholders: [/id]", "placeholders: [/ids]"));

    assertThatThrownBy(() -> DocPages.read(files::get))
        .hasMessageContaining("analyze.yaml body accepted: no member at /ids");
  }

  private static Map<String, String> packaged() {
    Map<String, String> files = new HashMap<>();
    for (String name :
        new String[] {
          "index", "overview", "analyze", "result", "schema", "pipeline", "authentication", "errors"
        }) {
      try (var in = DocPages.class.getResourceAsStream(DocPages.FOLDER + name + ".yaml")) {
        files.put(
            name + ".yaml", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return files;
  }

  private static JsonNode json(String text) {
    try {
      return ReelsJson.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
