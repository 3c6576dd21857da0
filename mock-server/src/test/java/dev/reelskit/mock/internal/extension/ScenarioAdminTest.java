package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WireMock's scenario admin API over the job store. WireMock marks these APIs beta: these tests are
 * what fails first if an upgrade changes them.
 */
class ScenarioAdminTest {

  @RegisterExtension ReelsMockExtension mock = ReelsMockExtension.builder().frozenClock().build();

  private Http http;
  private String token;

  @BeforeEach
  void client() {
    http = new Http(mock.baseUrl());
    token = mock.token();
  }

  private String scenarioState(String name) {
    JsonNode all = http.get("/__admin/scenarios").json().get("scenarios");
    return StreamSupport.stream(all.spliterator(), false)
        .filter(s -> s.get("name").asText().equals(name))
        .map(s -> s.get("state").asText())
        .findFirst()
        .orElse(null);
  }

  @Test
  void every_job_is_listed_as_a_scenario_with_its_current_state_and_no_stub_per_job() {
    long id = http.submit(token, "https://www.instagram.com/reel/ABC/");
    assertThat(scenarioState("reel-job-" + id)).isEqualTo("pending");
    assertThat(scenarioState("reel-job-42")).isEqualTo("done");
    assertThat(scenarioState("reel-job-44")).isEqualTo("processing");
    http.poll(token, id);
    // fast profile: pending has been shown once, so the job is now what the next poll will see
    assertThat(scenarioState("reel-job-" + id)).isEqualTo("processing");
    assertThat(http.get("/__admin/mappings").json().get("mappings")).isEmpty();
  }

  @Test
  void put_state_changes_what_the_next_poll_returns() {
    long id = http.submit(token, "https://www.instagram.com/reel/ABC/");
    Http.Response put =
        http.method("PUT", "/__admin/scenarios/reel-job-" + id + "/state", "{\"state\":\"error\"}");
    assertThat(put.status()).isEqualTo(200);
    Http.Response job = http.poll(token, id);
    assertThat(job.json().get("status").asText()).isEqualTo("error");
    assertThat(job.json().get("error").asText()).isEqualTo("Video is not available");

    http.method("PUT", "/__admin/scenarios/reel-job-43/state", "{\"state\":\"done\"}");
    assertThat(http.poll(token, 43).json().at("/result/summary").asText()).isNotEmpty();
  }

  @Test
  void put_of_an_unknown_state_is_refused() {
    Http.Response put =
        http.method("PUT", "/__admin/scenarios/reel-job-42/state", "{\"state\":\"finished\"}");
    assertThat(put.status()).isEqualTo(422);
    assertThat(http.poll(token, 42).json().get("status").asText()).isEqualTo("done");
  }

  @Test
  void reset_returns_every_job_to_the_state_it_started_in() {
    long id = http.submit(token, "https://www.instagram.com/reel/ABC/");
    http.poll(token, id);
    http.poll(token, id);
    http.poll(token, id);
    http.method("PUT", "/__admin/scenarios/reel-job-42/state", "{\"state\":\"pending\"}");
    assertThat(http.post("/__admin/scenarios/reset", "").status()).isEqualTo(200);
    assertThat(http.poll(token, id).json().get("status").asText()).isEqualTo("pending");
    assertThat(http.poll(token, 42).json().get("status").asText()).isEqualTo("done");
  }

  @Test
  void the_clock_can_be_read_and_advanced_through_the_admin_api() {
    String before = http.get("/__admin/reels/clock").json().get("now").asText();
    Http.Response r = http.post("/__admin/reels/clock/advance", "{\"seconds\": 90}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(java.time.Instant.parse(r.json().get("now").asText()))
        .isEqualTo(java.time.Instant.parse(before).plusSeconds(90));
    assertThat(http.post("/__admin/reels/clock/advance", "{\"duration\": \"PT1M\"}").status())
        .isEqualTo(200);
    assertThat(http.post("/__admin/reels/clock/advance", "nonsense").status()).isEqualTo(400);
  }

  @Test
  void a_job_can_be_forced_and_the_traffic_read_through_the_reels_admin_routes() {
    Http.Response r = http.method("PUT", "/__admin/reels/jobs/44/state", "{\"state\":\"done\"}");
    assertThat(r.json().get("status").asText()).isEqualTo("done");
    assertThat(
            http.method("PUT", "/__admin/reels/jobs/123456/state", "{\"state\":\"done\"}").status())
        .isEqualTo(404);
    http.poll(token, 44);
    JsonNode traffic = http.get("/__admin/reels/traffic").json();
    assertThat(traffic.get("entries").get(0).get("token").asText())
        .isEqualTo("ist_****" + token.substring(token.length() - 4));
    assertThat(traffic.get("entries").get(0).get("shown").asText()).isEqualTo("done");
  }

  @Test
  void a_global_wiremock_reset_keeps_the_jobs_and_unmatched_requests_stay_json() {
    assertThat(http.post("/__admin/reset", "").status()).isEqualTo(200);
    assertThat(http.poll(token, 42).json().get("status").asText()).isEqualTo("done");
    Http.Response unmatched = http.get("/no/stub/left");
    assertThat(unmatched.status()).isEqualTo(404);
    assertThat(unmatched.body()).isEqualTo("{\"error\":\"not found\"}");
  }
}
