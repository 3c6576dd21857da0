package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the README promises about the mock, checked over HTTP only (the public API and the admin
 * endpoints), so the checks hold whatever serves the requests inside.
 */
class ReadmeBehaviourTest {

  static final String TOKEN = "ist_readmeToken0000000000000001";
  static final String ORIGIN = "http://localhost:5173";

  private ReelsMock mock;
  private Http http;

  @BeforeEach
  void start_the_mock_on_the_fast_profile() {
    mock =
        ReelsMock.start(MockServerSettings.builder().port(0).profile(TimingProfile.FAST).build());
    http = new Http(mock.baseUrl());
  }

  @AfterEach
  void stop_the_mock() {
    mock.close();
  }

  @Nested
  class cors {

    @Test
    void a_preflight_from_a_local_origin_allows_authorization_content_type_and_prefer() {
      Http.Response r =
          http.method(
              "OPTIONS",
              "/api/v1/reels/42",
              null,
              "Origin",
              ORIGIN,
              "Access-Control-Request-Method",
              "GET",
              "Access-Control-Request-Headers",
              "authorization,prefer");

      assertThat(r.status()).isEqualTo(204);
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
      assertThat(
              Arrays.stream(r.header("Access-Control-Allow-Headers").split(","))
                  .map(h -> h.trim().toLowerCase(Locale.ROOT)))
          .contains("authorization", "content-type", "prefer");
    }

    @Test
    void an_answer_to_a_local_origin_exposes_retry_after() {
      Http.Response r =
          http.get("/api/v1/reels/42", "Origin", ORIGIN, "Authorization", "Bearer " + TOKEN);

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
      assertThat(r.header("Access-Control-Expose-Headers")).isEqualTo("Retry-After");
    }
  }

  @Nested
  class prefer {

    @Test
    void a_forced_500_without_a_token_is_still_a_401() {
      Http.Response r = http.get("/api/v1/reels/42", "Prefer", "code=500");

      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("error").asText())
          .isEqualTo("API token required (Authorization: Bearer ist_...)");
    }

    @Test
    void a_forced_500_with_a_valid_token_is_a_500() {
      Http.Response r =
          http.get("/api/v1/reels/42", "Prefer", "code=500", "Authorization", "Bearer " + TOKEN);

      assertThat(r.status()).isEqualTo(500);
    }
  }

  @Test
  void the_admin_state_started_moves_a_job_back_to_its_first_state() {
    assertThat(setScenarioState(43, "done")).isEqualTo(200);
    assertThat(status(43)).isEqualTo("done");

    assertThat(setScenarioState(43, "Started")).isEqualTo(200);
    assertThat(status(43)).isEqualTo("pending");
  }

  @ParameterizedTest(name = "{0} ends in error: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.instagram.com/p/ERRORnovideo1/|The post has no video",
        "https://www.instagram.com/reel/ERRORdownload1/|Could not download the video, try again later"
      })
  void the_magic_error_reels_end_with_their_documented_message(String url, String message) {
    long id = http.submit(TOKEN, url);
    JsonNode job = null;
    for (int i = 0; i < 5; i++) {
      job = http.poll(TOKEN, id).json();
      if (job.get("status").asText().equals("error")) {
        break;
      }
    }
    assertThat(job.get("status").asText()).isEqualTo("error");
    assertThat(job.get("error").asText()).isEqualTo(message);
    assertThat(job.get("result").isNull()).isTrue();
  }

  @ParameterizedTest(name = "seeded job {0} is {1} and stays so")
  @CsvSource({
    "42, done, /result/summary, ",
    "43, pending, , ",
    "44, processing, , ",
    "45, error, /error, ",
    "46, done, /result/audio/transcript, ''",
    "47, done, /result/platform_meta, null",
    "48, pending, , ",
    "49, processing, , ",
    "50, error, /error, ",
    "99, done, /result/summary, "
  })
  void the_seeded_jobs_hold_their_documented_state(
      long id, String status, String pointer, String value) {
    for (int poll = 0; poll < 3; poll++) {
      JsonNode job = http.poll(TOKEN, id).json();
      assertThat(job.get("id").asLong()).isEqualTo(id);
      assertThat(job.get("status").asText())
          .as("poll %d of job %d", poll + 1, id)
          .isEqualTo(status);
      if (pointer != null) {
        JsonNode field = job.at(pointer);
        if (value == null) {
          assertThat(field.isTextual() && !field.asText().isEmpty()).as(pointer).isTrue();
        } else if (value.equals("null")) {
          assertThat(field.isNull()).as(pointer).isTrue();
        } else {
          assertThat(field.asText()).as(pointer).isEqualTo(value);
        }
      }
    }
  }

  @Test
  void new_jobs_get_ids_from_100() {
    assertThat(http.submit(TOKEN, "https://www.instagram.com/reel/DYa0IXPgnP5/")).isEqualTo(100);
  }

  @Test
  void without_seed_jobs_job_42_is_unknown() {
    try (ReelsMock bare =
        ReelsMock.start(MockServerSettings.builder().port(0).seedJobs(false).build())) {
      assertThat(new Http(bare.baseUrl()).poll(TOKEN, 42).status()).isEqualTo(404);
    }
  }

  /**
   * "Under a time scale, Retry-After is converted back to real seconds (rounded up, at least 1)":
   * ten requests at once use the minute; the eleventh, after some mock time, must wait the rest of
   * it, given in real seconds at x10.
   */
  @ParameterizedTest(name = "{0} s of mock time after the tenth request, Retry-After at x10 is {1}")
  @CsvSource({"0, 6", "25, 4", "55.5, 1"})
  void retry_after_is_in_real_seconds_under_a_time_scale(double afterSeconds, String retryAfter) {
    Instant t0 = Instant.parse("2026-05-22T10:00:00Z");
    MockClock clock = new MockClock(Clock.fixed(t0, ZoneOffset.UTC), 10, t0);
    try (ReelsMock limited =
        ReelsMock.start(
            MockServerSettings.builder().port(0).timeScale(10).rateLimit(true).build(), clock)) {
      Http api = new Http(limited.baseUrl());
      for (int i = 0; i < 10; i++) {
        assertThat(api.poll(TOKEN, 42).status()).isEqualTo(200);
      }
      clock.advance(Duration.ofMillis(Math.round(afterSeconds * 1000)));
      Http.Response refused =
          api.get("/api/v1/reels/42", "Authorization", "Bearer " + TOKEN, "Origin", ORIGIN);

      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isEqualTo(retryAfter);
      assertThat(refused.header("Access-Control-Expose-Headers")).isEqualTo("Retry-After");
    }
  }

  private int setScenarioState(long id, String state) {
    return http.method(
            "PUT",
            "/__admin/scenarios/reel-job-" + id + "/state",
            "{\"state\":\"" + state + "\"}",
            "Content-Type",
            "application/json")
        .status();
  }

  private String status(long id) {
    return http.poll(TOKEN, id).json().get("status").asText();
  }
}
