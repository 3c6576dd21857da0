package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiBehaviourTest {

  // This class sends undocumented requests on purpose (unknown paths, unsupported methods).
  @RegisterExtension
  static ReelsMockExtension mock =
      ReelsMockExtension.builder()
          .frozenClock()
          .tokens(
              java.util.Set.of(),
              java.util.Set.of("ist_revokedToken0000000000001"),
              java.util.Set.of("ist_readOnlyToken000000000001"))
          .failOnUnmatchedRequests(false)
          .build();

  private Http http;
  private String token;

  @BeforeEach
  void client() {
    http = new Http(mock.baseUrl());
    token = mock.token();
    mock.traffic().clear();
  }

  private Http.Response analyze(String body) {
    return http.post(
        "/api/v1/reels/analyze",
        body,
        "Authorization",
        "Bearer " + token,
        "Content-Type",
        "application/json");
  }

  private TrafficEntry lastEntry() {
    List<TrafficEntry> entries = mock.traffic().snapshot();
    return entries.get(entries.size() - 1);
  }

  @Nested
  class jobs {
    @Test
    void a_submitted_job_goes_pending_processing_done_with_the_documented_shape() {
      Http.Response accepted = analyze("{\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\"}");
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(accepted.json().get("status").asText()).isEqualTo("pending");
      long id = accepted.json().get("id").asLong();
      assertThat(id).isGreaterThanOrEqualTo(100);

      Http.Response pending = http.poll(token, id);
      assertThat(pending.json().get("status").asText()).isEqualTo("pending");
      assertThat(pending.json().get("result").isNull()).isTrue();
      assertThat(pending.json().get("error").isNull()).isTrue();
      assertThat(pending.json().get("url").asText())
          .isEqualTo("https://www.instagram.com/reel/DYa0IXPgnP5/");
      assertThat(pending.json().has("created_at")).isTrue();
      assertThat(http.poll(token, id).json().get("status").asText()).isEqualTo("processing");
      Http.Response done = http.poll(token, id);
      assertThat(done.json().get("status").asText()).isEqualTo("done");
      assertThat(done.json().at("/result/summary").asText()).contains("garlic butter shrimp");
      assertThat(done.json().get("error").isNull()).isTrue();

      assertThat(mock.traffic().snapshot())
          .extracting(TrafficEntry::shown)
          .containsExactly(
              JobStatus.PENDING, JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.DONE);
      assertThat(lastEntry().token()).isEqualTo("ist_****" + token.substring(token.length() - 4));
      assertThat(lastEntry().operation()).isEqualTo("getReel");
      assertThat(lastEntry().jobId()).isEqualTo(id);
    }

    @ParameterizedTest(name = "reel code {0} ends with {1} = {2}")
    @CsvSource({
      "ERRORprivate1, /error, Video is not available",
      "NOSPEECH1, /result/audio/transcript, ''",
      "NOMETA1, /result/platform_meta, null"
    })
    void magic_codes_decide_how_the_job_ends(String code, String pointer, String expected) {
      long id = http.submit(token, "https://www.instagram.com/reel/" + code + "/");
      http.poll(token, id);
      http.poll(token, id);
      var job = http.poll(token, id).json();
      assertThat(job.at(pointer).isNull() ? "null" : job.at(pointer).asText()).isEqualTo(expected);
    }

    @Test
    void an_HTTP500_code_makes_the_post_fail_with_the_documented_body() {
      Http.Response r = analyze("{\"url\":\"https://www.instagram.com/reel/HTTP500x/\"}");
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.json().get("message").asText()).isEqualTo("internal server error");
    }

    @Test
    void the_seeded_example_job_42_is_done() {
      assertThat(http.poll(token, 42).json().get("status").asText()).isEqualTo("done");
      assertThat(http.poll(token, 43).json().get("status").asText()).isEqualTo("pending");
    }
  }

  @Nested
  class auth {
    @ParameterizedTest(name = "Authorization \"{0}\" is refused with 401 as {1}: {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "|missing-token|API token required (Authorization: Bearer ist_...)",
          "Basic abc|invalid-token|API token required (Authorization: Bearer ist_...)",
          "Bearer abc|invalid-token|invalid API token",
          "Bearer ist_|invalid-token|invalid API token",
          "Bearer ist_with.dot|invalid-token|invalid API token",
          "Bearer ist_two words|invalid-token|invalid API token",
          "Token ist_your_token|invalid-token|API token required (Authorization: Bearer ist_...)",
          "ist_your_token|invalid-token|API token required (Authorization: Bearer ist_...)",
          "Bearer ist_revokedToken0000000000001|revoked-token|invalid API token"
        })
    void bad_tokens_get_401_with_the_errors_pages_body(
        String header, String rejection, String error) {
      Http.Response r =
          header == null
              ? http.get("/api/v1/reels/42")
              : http.get("/api/v1/reels/42", "Authorization", header);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json()).isEqualTo(ReelsJson.mapper().createObjectNode().put("error", error));
      assertThat(lastEntry().rejection()).isEqualTo(rejection);
      assertThat(lastEntry().token()).doesNotContain("revokedToken");
    }

    @ParameterizedTest(name = "Authorization \"{0}\" is accepted on the defaults")
    @ValueSource(
        strings = {
          "Bearer ist_your_token",
          "Bearer ist_with-dash_and_underscore",
          "bearer ist_x",
          "Bearer ist_reelskitMockToken00000000000"
        })
    void the_docs_placeholder_and_every_ist_token_of_letters_digits_underscores_and_dashes_work(
        String header) {
      Http.Response r = http.get("/api/v1/reels/42", "Authorization", header);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("status").asText()).isEqualTo("done");
    }

    @Test
    void a_token_without_permission_gets_403() {
      Http.Response r =
          http.get("/api/v1/reels/42", "Authorization", "Bearer ist_readOnlyToken000000000001");
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json().get("error").asText()).isNotBlank();
      assertThat(lastEntry().rejection()).isEqualTo("forbidden");
    }

    @Test
    void revocation_takes_effect_at_once() {
      String victim = "ist_soonRevoked00000000000001";
      assertThat(http.poll(victim, 42).status()).isEqualTo(200);
      mock.mock().revokeToken(victim);
      assertThat(http.poll(victim, 42).status()).isEqualTo(401);
    }
  }

  @Nested
  class validation {
    @ParameterizedTest(name = "{0} is rejected with 400 {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{}|url-required|url is required",
          "{\"url\":null}|url-required|url is required",
          "{\"url\":\"\"}|url-required|url is required",
          "{\"url\":\"https://instagram.com.evil.io/reel/abc/\"}|url-not-instagram|URL must be an instagram.com link, got \"instagram.com.evil.io\"",
          "{\"url\":\"https://www.tiktok.com/@a/video/1\"}|url-not-instagram|URL must be an instagram.com link, got \"tiktok.com\"",
          "{\"url\":\"http://www.instagram.com/reel/abc/\"}|url-not-instagram|URL must be an instagram.com link",
          "{\"url\":42}|url-not-string|url must be a string",
          "{\"url\":|malformed-json|request body is not valid JSON",
          "[1,2]|malformed-json|request body must be a JSON object with a url field"
        })
    void bad_submissions_get_a_json_400(String body, String rejection, String message) {
      Http.Response r = analyze(body);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(r.json().get("message").asText()).isEqualTo(message);
      assertThat(lastEntry().rejection()).isEqualTo(rejection);
    }

    @Test
    void an_oversize_body_gets_a_json_400() {
      Http.Response r = analyze("{\"url\":\"" + "a".repeat(20_000) + "\"}");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("message").asText()).contains("too large");
    }

    @Test
    void a_non_json_content_type_gets_a_json_400() {
      Http.Response r =
          http.post(
              "/api/v1/reels/analyze",
              "url=x",
              "Authorization",
              "Bearer " + token,
              "Content-Type",
              "application/x-www-form-urlencoded");
      assertThat(r.status()).isEqualTo(400);
      assertThat(lastEntry().rejection()).isEqualTo("unsupported-media-type");
    }

    @ParameterizedTest(name = "GET /api/v1/reels/{0} is a JSON 404")
    @ValueSource(strings = {"999999", "0", "-1", "abc", "1.5", "99999999999999999999999"})
    void unknown_or_non_integer_ids_get_404(String id) {
      Http.Response r = http.get("/api/v1/reels/" + id, "Authorization", "Bearer " + token);
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).isEqualTo("{\"message\":\"not found\",\"status\":\"error\"}");
      assertThat(lastEntry().rejection()).isEqualTo("not-found");
    }

    @Test
    void unsupported_methods_get_405_with_allow() {
      Http.Response r =
          http.method("DELETE", "/api/v1/reels/42", null, "Authorization", "Bearer " + token);
      assertThat(r.status()).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("GET");
      assertThat(r.json().get("error").asText()).contains("not allowed");
      assertThat(
              http.method("GET", "/api/v1/reels/analyze", null, "Authorization", "Bearer " + token)
                  .status())
          .isEqualTo(405);
      assertThat(lastEntry().rejection()).isEqualTo("method-not-allowed");
    }

    @Test
    void unknown_paths_get_a_json_404_never_html() {
      Http.Response api = http.get("/api/v2/nothing", "Authorization", "Bearer " + token);
      assertThat(api.status()).isEqualTo(404);
      assertThat(lastEntry().rejection()).isEqualTo("unknown-path");
      Http.Response other = http.get("/nothing/here");
      assertThat(other.status()).isEqualTo(404);
      assertThat(other.header("Content-Type")).isEqualTo("application/json");
      assertThat(other.json().get("error").asText()).isEqualTo("not found");
    }
  }

  @Nested
  class prefer {
    @Test
    void code_forces_a_documented_response_for_one_request() {
      Http.Response r =
          http.get("/api/v1/reels/42", "Authorization", "Bearer " + token, "Prefer", "code=404");
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.json().get("message").asText()).isEqualTo("not found");
      assertThat(lastEntry().rejection()).isEqualTo("forced");
      assertThat(http.poll(token, 42).status()).isEqualTo(200);
    }

    @Test
    void example_forces_a_named_example() {
      Http.Response r =
          http.get(
              "/api/v1/reels/42",
              "Authorization",
              "Bearer " + token,
              "Prefer",
              "example=doneNoSpeech");
      assertThat(r.json().at("/result/audio/transcript").asText()).isEmpty();
      assertThat(lastEntry().shown()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void a_forced_429_carries_retry_after() {
      Http.Response r =
          http.post(
              "/api/v1/reels/analyze",
              "{}",
              "Authorization",
              "Bearer " + token,
              "Prefer",
              "code=429");
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isEqualTo("12");
    }

    @Test
    void an_undocumented_code_is_a_json_400() {
      Http.Response r =
          http.get("/api/v1/reels/42", "Authorization", "Bearer " + token, "Prefer", "code=418");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("message").asText()).contains("does not document");
    }
  }

  @Nested
  class cors {
    @ParameterizedTest(name = "a preflight from {0} succeeds")
    @ValueSource(strings = {"http://localhost:3000", "http://127.0.0.1:5173", "http://localhost"})
    void preflights_from_local_origins_succeed(String origin) {
      Http.Response r =
          http.method(
              "OPTIONS",
              "/api/v1/reels/analyze",
              null,
              "Origin",
              origin,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "authorization,content-type");
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(origin);
      assertThat(r.header("Access-Control-Allow-Headers"))
          .contains("Authorization", "Content-Type");
      assertThat(r.header("Access-Control-Allow-Methods")).contains("POST", "GET");
      assertThat(mock.traffic().snapshot())
          .as("a preflight is the browser's, not the client's")
          .isEmpty();
    }

    @Test
    void responses_to_local_origins_carry_the_cors_headers_and_others_do_not() {
      assertThat(
              http.get(
                      "/api/v1/reels/42",
                      "Authorization",
                      "Bearer " + token,
                      "Origin",
                      "http://localhost:8080")
                  .header("Access-Control-Allow-Origin"))
          .isEqualTo("http://localhost:8080");
      assertThat(
              http.get(
                      "/api/v1/reels/42",
                      "Authorization",
                      "Bearer " + token,
                      "Origin",
                      "http://evil.example")
                  .header("Access-Control-Allow-Origin"))
          .isNull();
      assertThat(
              http.method(
                      "OPTIONS",
                      "/api/v1/reels/42",
                      null,
                      "Origin",
                      "http://localhost.evil.io",
                      "Access-Control-Request-Method",
                      "GET")
                  .header("Access-Control-Allow-Origin"))
          .isNull();
    }
  }

  @Nested
  class docs {
    @Test
    void the_spec_is_served_as_packaged() {
      Http.Response r = http.get("/docs/openapi.yaml");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(dev.reelskit.openapi.ReelsApiSpec.get().yaml());
    }

    @Test
    void swagger_ui_is_served_from_the_webjar_pointing_at_the_spec_and_the_mock() {
      assertThat(http.get("/docs/index.html").body()).contains("swagger-initializer.js");
      assertThat(http.get("/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
      assertThat(http.get("/docs/swagger-ui.css").status()).isEqualTo(200);
      String init = http.get("/docs/swagger-initializer.js").body();
      assertThat(init).contains("/docs/openapi.yaml").contains("window.location.origin");
      assertThat(http.get("/docs/nothing.js").status()).isEqualTo(404);
      assertThat(http.get("/docs/../pom.xml").status()).isEqualTo(404);
    }
  }
}
