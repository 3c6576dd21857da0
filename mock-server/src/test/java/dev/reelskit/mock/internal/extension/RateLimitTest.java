package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {

  @RegisterExtension
  ReelsMockExtension mock =
      ReelsMockExtension.builder()
          .frozenClock()
          .rateLimit(true)
          .profile(TimingProfile.REALISTIC)
          .tenantPerTest(false) // limits per token, several tokens on the mock's one clock
          .build();

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(mock.baseUrl());
  }

  @Test
  void the_eleventh_request_in_a_minute_gets_429_with_retry_after_and_a_json_body() {
    String token = "ist_rateLimited000000000000001";
    for (int i = 0; i < 10; i++) {
      assertThat(http.poll(token, 42).status()).isEqualTo(200);
      mock.advanceClock(Duration.ofSeconds(1));
    }
    Http.Response limited = http.poll(token, 42);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("error").asText()).contains("10 requests per minute");
    // the first request was 10 s ago: the window frees a slot in 50 s
    assertThat(limited.header("Retry-After")).isEqualTo("50");
    List<TrafficEntry> log = mock.traffic().snapshot();
    TrafficEntry last = log.get(log.size() - 1);
    assertThat(last.rejection()).isEqualTo("rate-limited");
    assertThat(last.retryAfter()).isEqualTo(Duration.ofSeconds(50));

    assertThat(http.poll("ist_anotherToken00000000000001", 42).status())
        .as("limits are per token")
        .isEqualTo(200);
    mock.advanceClock(Duration.ofSeconds(50));
    assertThat(http.poll(token, 42).status()).isEqualTo(200);
  }

  @Test
  void a_fourth_unfinished_job_gets_429_too_many_jobs_until_one_finishes() {
    String token = "ist_manyJobs00000000000000001";
    for (int i = 0; i < 3; i++) {
      http.submit(token, "https://www.instagram.com/reel/J" + i + "/");
    }
    Http.Response refused =
        http.post(
            "/api/v1/reels/analyze",
            "{\"url\":\"https://www.instagram.com/reel/J4/\"}",
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "application/json");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("error").asText()).contains("3 allowed");
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 90);
    assertThat(mock.traffic().snapshot().get(3).rejection()).isEqualTo("too-many-jobs");

    mock.advanceClock(Duration.ofSeconds(91)); // every realistic job is finished by now
    assertThat(http.submit(token, "https://www.instagram.com/reel/J5/")).isPositive();
  }

  @Test
  void the_clock_converts_a_mock_wait_to_wall_seconds_by_the_time_scale() {
    // Over HTTP, with a 429: ReadmeBehaviourTest.retry_after_is_in_real_seconds_under_a_time_scale.
    dev.reelskit.mock.jobs.MockClock fast = dev.reelskit.mock.jobs.MockClock.scaled(10);
    assertThat(fast.wallSecondsFor(Duration.ofSeconds(50))).isEqualTo(5);
  }
}
