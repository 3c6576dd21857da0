package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pinned states over HTTP, as docs/mock.md ("Tenants") writes the contract the MSW pack follows:
 * {@code Prefer: state=} on the POST, {@code PUT|DELETE /__admin/reels/jobs/<id>/pin}, a tenant's
 * pin. The {@code quick} profile on a frozen clock: time moves only when a test says so.
 */
class PinnedStatesTest {

  static final String TOKEN = "ist_pinnedStatesClient000000001";
  static final String REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";

  private ReelsMock mock;
  private Http http;

  @BeforeEach
  void start() {
    mock =
        ReelsMock.start(
            MockServerSettings.builder().port(0).profile(TimingProfile.QUICK).build(),
            MockClock.frozenAt(Instant.parse("2026-05-22T10:00:00Z")));
    http = new Http(mock.baseUrl());
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  private Http.Response submit(String prefer) {
    return http.post(
        "/api/v1/reels/analyze",
        "{\"url\":\"" + REEL + "\"}",
        "Authorization",
        "Bearer " + TOKEN,
        "Content-Type",
        "application/json",
        "Prefer",
        prefer);
  }

  private String status(long id) {
    return http.poll(TOKEN, id).json().get("status").asText();
  }

  private void advance(int seconds) {
    http.post("/__admin/reels/clock/advance", "{\"seconds\": " + seconds + "}");
  }

  @Test
  void prefer_state_holds_the_new_job_there_from_its_first_poll_until_released() {
    Http.Response created = submit("state=processing");
    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().get("status").asText())
        .as("the docs: always pending")
        .isEqualTo("pending");
    long id = created.json().get("id").asLong();
    for (int i = 0; i < 4; i++) {
      assertThat(status(id)).isEqualTo("processing");
      advance(60);
    }
    JsonNode row = http.get("/__admin/reels/jobs/" + id).json();
    assertThat(row.get("pinned").asText()).isEqualTo("processing");

    Http.Response released = http.method("DELETE", "/__admin/reels/jobs/" + id + "/pin", null);
    assertThat(released.status()).isEqualTo(200);
    assertThat(released.json().get("pinned").isNull()).isTrue();
    assertThat(status(id)).as("goes on from processing, timed from now").isEqualTo("processing");
    advance(3);
    assertThat(status(id)).isEqualTo("done");
  }

  @Test
  void a_pin_to_a_terminal_state_ends_the_job_that_way() {
    long done = submit("state=done").json().get("id").asLong();
    long failed = submit("state=error").json().get("id").asLong();
    JsonNode doneJob = http.poll(TOKEN, done).json();
    assertThat(doneJob.get("status").asText()).isEqualTo("done");
    assertThat(doneJob.get("result").get("summary").asText()).isNotEmpty();
    JsonNode failedJob = http.poll(TOKEN, failed).json();
    assertThat(failedJob.get("status").asText()).isEqualTo("error");
    assertThat(failedJob.get("error").asText())
        .as("the outcome's error text: the spec's JobError example, as seeded job 45 shows")
        .isEqualTo(http.poll(TOKEN, 45).json().get("error").asText());
    assertThat(failedJob.get("result").isNull()).isTrue();
  }

  @Test
  void an_unknown_state_is_a_400_that_creates_no_job_and_prefer_code_wins() {
    int before = mock.jobCount();
    Http.Response bad = submit("state=finished");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText())
        .isEqualTo("Prefer: state must be one of pending, processing, done, error; was 'finished'");
    assertThat(submit("code=500, state=processing").status()).isEqualTo(500);
    assertThat(mock.jobCount()).isEqualTo(before);
    assertThat(http.poll(TOKEN, 42).status()).as("a GET ignores it").isEqualTo(200);
    assertThat(
            http.get("/api/v1/reels/42", "Authorization", "Bearer " + TOKEN, "Prefer", "state=x")
                .status())
        .isEqualTo(200);
  }

  @Test
  void the_admin_api_pins_any_job_and_a_tenant_pins_every_new_job_until_released() {
    long running = submit("respond-async").json().get("id").asLong();
    Http.Response pinned =
        http.method("PUT", "/__admin/reels/jobs/" + running + "/pin", "{\"state\": \"pending\"}");
    assertThat(pinned.status()).isEqualTo(200);
    assertThat(pinned.json().get("pinned").asText()).isEqualTo("pending");
    advance(600);
    assertThat(status(running)).isEqualTo("pending");

    assertThat(
            http.method("PUT", "/__admin/reels/tenants/default/pin", "{\"state\": \"processing\"}")
                .json()
                .get("pin")
                .asText())
        .isEqualTo("processing");
    long held = submit("respond-async").json().get("id").asLong();
    advance(600);
    assertThat(status(held)).isEqualTo("processing");

    Http.Response released = http.method("DELETE", "/__admin/reels/tenants/default/pin", null);
    assertThat(released.json().get("released").asInt()).isEqualTo(2);
    long free = submit("respond-async").json().get("id").asLong();
    advance(4); // quick: pending 2 s, processing 3 s, from the release on
    assertThat(status(running)).isEqualTo("processing");
    assertThat(status(held)).isEqualTo("done");
    assertThat(status(free)).as("not held: its first poll sees pending").isEqualTo("pending");
    advance(2);
    assertThat(status(free)).isEqualTo("processing");
  }

  @Test
  void bad_pin_requests_are_json_400s_and_unknown_jobs_404s() {
    assertThat(http.method("PUT", "/__admin/reels/jobs/42/pin", "{\"state\": \"x\"}").status())
        .isEqualTo(400);
    assertThat(http.method("PUT", "/__admin/reels/jobs/42/pin", "not json").status())
        .isEqualTo(400);
    Http.Response missing =
        http.method("PUT", "/__admin/reels/jobs/987654/pin", "{\"state\": \"done\"}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("job not found");
    assertThat(http.method("DELETE", "/__admin/reels/jobs/abc/pin", null).status()).isEqualTo(400);
    Http.Response noTenant =
        http.method("PUT", "/__admin/reels/tenants/nobody/pin", "{\"state\": \"done\"}");
    assertThat(noTenant.status()).isEqualTo(404);
  }
}
