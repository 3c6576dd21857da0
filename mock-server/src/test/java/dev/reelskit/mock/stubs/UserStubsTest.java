package dev.reelskit.mock.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WireMock habits work on the mock: a user's stub from the Java DSL, {@code POST /__admin/mappings}
 * or a {@code mappings/} file wins over the built-in API for what it matches, with everything a
 * WireMock stub can do, while other requests keep the stateful API.
 */
class UserStubsTest {

  private static final String TOKEN = "Bearer ist_your_token";
  private static final String FIXED =
      "{\"id\":42,\"url\":\"https://www.instagram.com/reel/FIXED/\","
          + "\"status\":\"processing\",\"error\":null,\"result\":null,"
          + "\"created_at\":\"2026-05-22T10:00:00Z\"}";

  private ReelsMock mock;
  private Http http;

  private void start(MockServerSettings settings) {
    mock = ReelsMock.start(settings);
    http = new Http(mock.baseUrl());
  }

  @BeforeEach
  void start_fast_mock() {
    start(MockServerSettings.builder().port(0).profile(TimingProfile.FAST).build());
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  private Http.Response poll(long id) {
    return http.get("/api/v1/reels/" + id, "Authorization", TOKEN);
  }

  private void assertTheBuiltInApiAnswers(long id, String status) {
    Http.Response r = poll(id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo(status);
    assertThat(r.json().get("url").asText()).doesNotContain("FIXED");
  }

  @Nested
  class from_the_java_dsl {

    @Test
    void a_fixed_body_overrides_one_job_while_others_keep_their_lifecycle() {
      StubMapping stub =
          mock.stubFor(get(urlPathEqualTo("/api/v1/reels/42")).willReturn(okJson(FIXED)));
      long other = http.submit("ist_your_token", "https://www.instagram.com/reel/OTHER1/");

      assertThat(poll(42).body()).isEqualTo(FIXED);
      assertThat(poll(other).json().get("status").asText()).isEqualTo("pending");
      assertThat(poll(other).json().get("status").asText()).isEqualTo("processing");
      assertThat(poll(42).body()).isEqualTo(FIXED);

      mock.removeStub(stub);
      assertTheBuiltInApiAnswers(42, "done");
    }

    @Test
    void a_fault_breaks_the_connection_for_that_job_only() {
      mock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/43"))
              .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      assertThatThrownBy(() -> poll(43)).isInstanceOf(UncheckedIOException.class);
      assertTheBuiltInApiAnswers(42, "done");
    }

    @Test
    void fixed_uniform_and_lognormal_delays_and_chunked_dribble_hold_the_answer_back() {
      mock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/42")).willReturn(okJson(FIXED).withFixedDelay(700)));
      mock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/43"))
              .willReturn(okJson(FIXED).withUniformRandomDelay(600, 800)));
      mock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/44"))
              .willReturn(okJson(FIXED).withLogNormalRandomDelay(700, 0.01)));
      mock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/45"))
              .willReturn(okJson(FIXED).withChunkedDribbleDelay(5, 700)));
      for (long id = 42; id <= 45; id++) {
        long started = System.nanoTime();
        assertThat(poll(id).body()).isEqualTo(FIXED);
        assertThat((System.nanoTime() - started) / 1_000_000)
            .as("job %d", id)
            .isGreaterThanOrEqualTo(550);
      }
      long started = System.nanoTime();
      assertTheBuiltInApiAnswers(46, "done");
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(550);
    }

    @Test
    void a_templated_stub_answers_any_id_with_that_id() {
      mock.stubFor(
          get(urlPathMatching("/api/v1/reels/7[0-9]{3}"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"id\":{{request.pathSegments.[3]}},\"status\":\"error\","
                              + "\"error\":\"templated\",\"result\":null,\"url\":\"u\",\"created_at\":\"c\"}")
                      .withTransformers("response-template")));
      Http.Response r = poll(7123);
      assertThat(r.json().get("id").asLong()).isEqualTo(7123);
      assertThat(r.json().get("error").asText()).isEqualTo("templated");
      assertThat(poll(6123).status()).isEqualTo(404); // not the stub's: the built-in API's
    }

    @Test
    void a_proxying_stub_forwards_to_another_server() {
      WireMockServer upstream =
          new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      upstream.start();
      try {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/reels/42")).willReturn(okJson(FIXED)));
        mock.stubFor(
            get(urlPathEqualTo("/api/v1/reels/42"))
                .willReturn(aResponse().proxiedFrom(upstream.baseUrl())));
        assertThat(poll(42).body()).isEqualTo(FIXED);
      } finally {
        upstream.stop();
      }
    }

    @Test
    void a_stub_on_a_path_the_api_does_not_have_is_served_too() {
      mock.stubFor(get(urlPathEqualTo("/health")).willReturn(okJson("{\"ok\":true}")));
      assertThat(http.get("/health").body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void the_api_s_auth_still_applies_to_stubbed_api_paths() {
      mock.stubFor(get(urlPathEqualTo("/api/v1/reels/42")).willReturn(okJson(FIXED)));
      assertThat(http.get("/api/v1/reels/42").status()).isEqualTo(401);
    }

    @Test
    void the_traffic_record_keeps_what_a_stub_showed() {
      mock.stubFor(get(urlPathEqualTo("/api/v1/reels/42")).willReturn(okJson(FIXED)));
      poll(42);
      List<TrafficEntry> entries = mock.traffic().snapshot();
      TrafficEntry last = entries.get(entries.size() - 1);
      assertThat(last.operation()).isEqualTo("getReel");
      assertThat(last.jobId()).isEqualTo(42L);
      assertThat(last.shown().getValue()).isEqualTo("processing");
    }

    @Test
    void reset_all_removes_the_user_s_stubs_but_never_the_api() {
      mock.stubFor(get(urlPathEqualTo("/api/v1/reels/42")).willReturn(okJson(FIXED)));
      mock.server().resetAll();
      assertTheBuiltInApiAnswers(42, "done");
      assertThat(mock.server().listAllStubMappings().getMappings()).isEmpty();
    }
  }

  @Nested
  class from_the_admin_api {

    @Test
    void a_posted_mapping_wins_is_listed_alone_and_its_removal_restores_the_api() {
      Http.Response created =
          http.post(
              "/__admin/mappings",
              "{\"request\":{\"method\":\"GET\","
                  + "\"urlPath\":\"/api/v1/reels/44\"},\"response\":{\"status\":200,"
                  + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":"
                  + quote(FIXED)
                  + "}}",
              "Content-Type",
              "application/json");
      assertThat(created.status()).isEqualTo(201);

      assertThat(poll(44).body()).isEqualTo(FIXED);
      Http.Response listed = http.get("/__admin/mappings");
      assertThat(listed.json().get("mappings")).hasSize(1);
      assertThat(listed.json().get("meta").get("total").asInt()).isEqualTo(1);

      String id = created.json().get("id").asText();
      assertThat(http.method("DELETE", "/__admin/mappings/" + id, null).status()).isEqualTo(200);
      assertTheBuiltInApiAnswers(44, "processing");
    }

    @Test
    void a_posted_delay_holds_one_job_back() {
      http.post(
          "/__admin/mappings",
          "{\"request\":{\"method\":\"GET\",\"urlPath\":"
              + "\"/api/v1/reels/43\"},\"response\":{\"status\":200,\"fixedDelayMilliseconds\":700,"
              + "\"body\":\"slow\"}}",
          "Content-Type",
          "application/json");
      long started = System.nanoTime();
      assertThat(poll(43).body()).isEqualTo("slow");
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(650);
    }

    @Test
    void a_scenario_in_a_user_s_stubs_moves_as_in_plain_wiremock() {
      String base =
          "{\"scenarioName\":\"retry\",\"request\":{\"method\":\"GET\",\"urlPath\":"
              + "\"/api/v1/reels/45\"},";
      http.post(
          "/__admin/mappings",
          base
              + "\"requiredScenarioState\":\"Started\","
              + "\"newScenarioState\":\"second\",\"response\":{\"status\":503}}",
          "Content-Type",
          "application/json");
      http.post(
          "/__admin/mappings",
          base
              + "\"requiredScenarioState\":\"second\","
              + "\"response\":{\"status\":200,\"body\":\"ok\"}}",
          "Content-Type",
          "application/json");
      assertThat(poll(45).status()).isEqualTo(503);
      assertThat(poll(45).body()).isEqualTo("ok");
      assertThat(http.get("/__admin/scenarios").body())
          .contains("\"retry\"")
          .contains("reel-job-42");
    }
  }

  @Nested
  class from_a_root_dir {

    @TempDir Path root;

    @Test
    void mappings_and_files_under_it_are_served_and_other_jobs_keep_their_lifecycle()
        throws Exception {
      Files.createDirectories(root.resolve("mappings"));
      Files.createDirectories(root.resolve("__files"));
      Files.writeString(root.resolve("__files/job42.json"), FIXED);
      Files.writeString(
          root.resolve("mappings/job42.json"),
          "{\"request\":{\"method\":\"GET\","
              + "\"urlPath\":\"/api/v1/reels/42\"},\"response\":{\"status\":200,"
              + "\"headers\":{\"Content-Type\":\"application/json\"},\"bodyFileName\":\"job42.json\"}}");
      Files.writeString(
          root.resolve("mappings/fault43.json"),
          "{\"request\":{\"method\":\"GET\","
              + "\"urlPath\":\"/api/v1/reels/43\"},\"response\":{\"fault\":\"EMPTY_RESPONSE\"}}");
      mock.close();
      start(MockServerSettings.builder().port(0).profile(TimingProfile.FAST).rootDir(root).build());

      assertThat(poll(42).body()).isEqualTo(FIXED);
      assertThatThrownBy(() -> poll(43)).isInstanceOf(UncheckedIOException.class);
      assertTheBuiltInApiAnswers(44, "processing");
      assertThat(http.get("/__admin/mappings").json().get("mappings")).hasSize(2);
    }
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
