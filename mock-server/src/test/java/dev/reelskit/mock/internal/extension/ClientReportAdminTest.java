package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /__admin/reels/client-report}: the client report of a running mock, and its reset. */
class ClientReportAdminTest {

  static final String TOKEN = "ist_adminReportClient00000000001";
  static final String REPORT = "/__admin/reels/client-report";

  @RegisterExtension ReelsMockExtension mock = ReelsMockExtension.builder().frozenClock().build();

  private Http http;

  @BeforeEach
  void client_polls_a_job_to_done_every_6_s() {
    http = new Http(mock.baseUrl());
    long id = http.submit(mock.token(), "https://www.instagram.com/reel/DYa0IXPgnP5/");
    for (int i = 0; i < 3; i++) {
      http.poll(mock.token(), id);
      mock.advanceClock(Duration.ofSeconds(6));
    }
  }

  @Test
  void a_conforming_client_gets_a_passing_json_report() {
    Http.Response r = http.get(REPORT);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode report = r.json();
    assertThat(report.get("conforms").asBoolean()).isTrue();
    assertThat(report.get("passed").asInt()).isEqualTo(11);
    assertThat(report.get("requests").asInt()).isEqualTo(4);
    assertThat(report.get("profile").asText()).isEqualTo("fast (frozen clock)");
  }

  @Test
  void the_timeline_picture_draws_each_job_and_marks_a_broken_rule_where_it_broke() {
    http.get("/api/v1/reels/42"); // no token: CC-AUTH-001, tied to job 42's lane

    Http.Response svg = http.get(REPORT + "?format=svg");

    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).isEqualTo("image/svg+xml; charset=utf-8");
    assertThat(svg.body())
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains(">The client&#39;s requests, one lane per job</text>", ">POST</text>")
        .contains(">CC-AUTH-001</text>")
        .doesNotContain(TOKEN, "<script");
    // Three polls of the job as dots in their status colours (fast profile: pending, processing,
    // done), each 6 s of mock time apart on the axis.
    assertThat(svg.body().split("<circle cx=", -1)).hasSizeGreaterThanOrEqualTo(1 + 5 + 3);
    assertThat(svg.body()).contains("mock time since the first request");

    Http.Response html = http.get(REPORT + "?format=html");
    assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(html.body())
        .contains("<h1 class=\"bad\">Client report: the client breaks CC-AUTH-001</h1>", "<svg")
        .doesNotContain(TOKEN, "<script");
  }

  @Test
  void a_request_without_a_token_fails_the_report_in_json_and_text() {
    http.get("/api/v1/reels/42");

    JsonNode json = http.get(REPORT).json();
    assertThat(json.get("conforms").asBoolean()).isFalse();
    assertThat(json.get("violatedRules").toString()).isEqualTo("[\"CC-AUTH-001\"]");

    Http.Response text = http.get(REPORT + "?format=text");
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.header("Content-Type")).startsWith("text/plain");
    assertThat(text.body())
        .startsWith("CC-AUTH-001 Every request carries Authorization: Bearer ist_...")
        .contains("  profile   fast (frozen clock)")
        .endsWith("10 passed, 1 failed\n")
        .doesNotContain(mock.token());
  }

  @Test
  void rule_settings_come_from_query_parameters() {
    assertThat(http.get(REPORT + "?poll-interval=10s").json().get("violatedRules").toString())
        .isEqualTo("[\"CC-POLL-001\"]");
    assertThat(
            http.get(REPORT + "?poll-interval=6s&rate-limit-requests=3")
                .json()
                .get("violatedRules")
                .toString())
        .isEqualTo("[\"CC-RATE-001\"]");
  }

  @Test
  void bad_parameters_are_a_400_naming_the_parameter() {
    Http.Response r = http.get(REPORT + "?poll-interval=often");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("poll-interval must be a positive duration");
    assertThat(http.get(REPORT + "?format=xml").status()).isEqualTo(400);
  }

  @Test
  void delete_forgets_the_traffic_so_the_next_report_starts_empty() {
    assertThat(http.method("DELETE", REPORT, null).status()).isEqualTo(204);
    JsonNode report = http.get(REPORT).json();
    assertThat(report.get("requests").asInt()).isZero();
    assertThat(report.get("violatedRules").toString()).isEqualTo("[\"CC-TRAFFIC-001\"]");
  }
}
