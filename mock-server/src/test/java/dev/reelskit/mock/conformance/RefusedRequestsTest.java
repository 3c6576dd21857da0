package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests the mock refuses still count against the client: a poll answered 429 is a poll
 * (CC-POLL-001), and every body the mock refuses a submission for is CC-SPEC-002's. Real HTTP
 * against the real mock, on a frozen clock moved by the test, so every gap is exact.
 */
class RefusedRequestsTest {

  static final String TOKEN = "ist_AbCdEfGhIjKlMnOpQrStUvWxYz12";
  static final String OTHER_CALLER = "another caller using the same token";
  static final Instant T0 = Instant.parse("2026-05-22T10:00:00Z");

  private final MockClock clock = MockClock.frozenAt(T0);
  private ReelsMock mock;
  private Http http;

  @BeforeEach
  void start_the_mock_with_the_documented_limits() {
    mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.QUICK)
                .rateLimit(true)
                .build(),
            clock);
    http = new Http(mock.baseUrl());
  }

  @AfterEach
  void stop_the_mock() {
    mock.close();
  }

  /**
   * 8 requests 54 s before the client starts (then forgotten by the report) leave the client two of
   * its ten: the submission and the first poll at 0 s. Its poll at 5 s is refused until the first
   * of those 8 is 60 s old, at 6 s: Retry-After 1.
   */
  private long submit_and_poll_with_two_requests_of_the_budget_left() {
    for (int i = 0; i < 8; i++) {
      assertThat(http.poll(TOKEN, 42).status()).as(OTHER_CALLER).isEqualTo(200);
    }
    mock.resetTraffic();
    clock.advance(Duration.ofSeconds(54));
    long id = http.submit(TOKEN, "https://www.instagram.com/reel/DYa0IXPgnP5/");
    assertThat(http.poll(TOKEN, id).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(5));
    Http.Response refused = http.poll(TOKEN, id);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    return id;
  }

  @Test
  void a_poll_one_second_after_a_poll_refused_with_429_retries_as_the_errors_page_advises() {
    long id = submit_and_poll_with_two_requests_of_the_budget_left();
    clock.advance(Duration.ofSeconds(1));
    assertThat(http.poll(TOKEN, id).status()).isEqualTo(200);

    ClientConformanceReport report = mock.clientReport();
    assertThat(report.violatedRuleIds()).as(report.toText()).isEmpty();
    assertThat(report.advisedRuleIds()).as(report.toText()).isEmpty();
  }

  @Test
  void a_poll_sooner_than_the_advised_retry_after_a_429_breaks_cc_poll_001() {
    long id = submit_and_poll_with_two_requests_of_the_budget_left();
    clock.advance(Duration.ofMillis(300));
    http.poll(TOKEN, id);

    ClientConformanceReport report = mock.clientReport();
    assertThat(report.violatedRuleIds())
        .as(report.toText())
        .containsExactly(ClientRules.POLL_SPACING, ClientRules.RETRY_AFTER);
    ClientViolation violation = report.result(ClientRules.POLL_SPACING).violations().get(0);
    assertThat(violation.jobId()).isEqualTo(id);
    assertThat(violation.actual()).isEqualTo("gap 300 ms (1 of 2 gaps too short)");
    assertThat(violation.requests()).extracting(TrafficEntry::httpStatus).startsWith(429);
  }

  @Test
  void a_poll_the_poll_interval_after_a_poll_refused_with_429_keeps_every_rule() {
    long id = submit_and_poll_with_two_requests_of_the_budget_left();
    clock.advance(Duration.ofSeconds(5));
    assertThat(http.poll(TOKEN, id).status()).isEqualTo(200);

    ClientConformanceReport report = mock.clientReport();
    assertThat(report.violatedRuleIds()).as(report.toText()).isEmpty();
  }

  @ParameterizedTest(name = "a submission refused as {0} breaks exactly CC-SPEC-002")
  @CsvSource(
      delimiter = '|',
      value = {
        "unsupported-media-type|text/plain|{\"url\":\"https://www.instagram.com/reel/abc/\"}",
        "body-too-large|application/json|LARGE",
        "malformed-json|application/json|{\"url\":",
        "url-required|application/json|{}",
        "url-not-string|application/json|{\"url\": 42}",
        "url-not-instagram|application/json|{\"url\":\"https://example.com/reel/abc/\"}"
      })
  void every_body_the_mock_refuses_is_judged_by_cc_spec_002(String code, String type, String body) {
    String sent =
        body.equals("LARGE")
            ? "{\"url\":\"https://www.instagram.com/reel/abc/\",\"pad\":\""
                + "a".repeat(17 * 1024)
                + "\"}"
            : body;
    Http.Response r =
        http.post(
            "/api/v1/reels/analyze",
            sent,
            "Authorization",
            "Bearer " + TOKEN,
            "Content-Type",
            type);
    assertThat(r.status()).isEqualTo(400);

    ClientConformanceReport report = mock.clientReport();
    assertThat(mock.traffic().snapshot()).extracting(TrafficEntry::rejection).containsExactly(code);
    assertThat(report.violatedRuleIds())
        .as(report.toText())
        .containsExactly(ClientRules.SUBMIT_BODY);
    assertThat(report.toText()).contains("1 of 1 requests rejected as " + code);
  }
}
