package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  @ParameterizedTest(name = "Retry-After [{0}] reads as absent")
  @NullSource
  @ValueSource(
      strings = {
        "0",
        "000",
        "-5",
        "-0",
        "",
        " ",
        "1.5",
        "+3",
        "soon",
        "Wed, 21 Oct 2015 07:28:00 GMT"
      })
  void retry_after_that_gives_no_positive_delay_reads_as_absent(String header) {
    assertThat(Backoff.retryAfter(header)).isNull();
  }

  @Test
  void retry_after_in_seconds_is_read_and_an_absurd_one_is_very_long() {
    assertThat(Backoff.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
    assertThat(Backoff.retryAfter("007")).isEqualTo(Duration.ofSeconds(7));
    assertThat(Backoff.retryAfter("9223372036854775807999"))
        .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void without_retry_after_the_waits_double_from_the_base() {
    Backoff backoff = new Backoff(Duration.ofMinutes(10), Duration.ofMillis(500));

    assertThat(backoff.next(null, 1).delay()).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.next("0", 2).delay()).isEqualTo(Duration.ofMillis(1000));
    assertThat(backoff.next("-5", 3).delay()).isEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void a_request_is_retried_at_most_five_times() {
    Backoff backoff = new Backoff(Duration.ofHours(1), Duration.ofMillis(100));

    for (int retry = 1; retry <= Backoff.MAX_RETRIES; retry++) {
      assertThat(backoff.next("1", retry).delay()).isEqualTo(Duration.ofSeconds(1));
    }
    Backoff.Step sixth = backoff.next("1", Backoff.MAX_RETRIES + 1);
    assertThat(sixth.delay()).isNull();
    assertThat(sixth.givingUp()).isEqualTo("still 429 after 5 retries of one request");
  }

  @Test
  void waits_in_a_row_stop_at_the_job_timeout_and_start_again_after_another_answer() {
    Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(5));

    assertThat(backoff.next(null, 1).delay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.next(null, 2).delay()).isEqualTo(Duration.ofSeconds(10));
    Backoff.Step third = backoff.next(null, 3);
    assertThat(third.delay()).isNull();
    assertThat(third.givingUp())
        .isEqualTo(
            "the next wait (20000 ms) would make the waits in a row longer than 30000 ms"
                + " (--job-timeout)");

    backoff.answered();
    assertThat(backoff.next(null, 3).delay()).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.waited()).isEqualTo(Duration.ofSeconds(35));
  }

  @Test
  void the_waits_of_a_whole_run_stop_at_three_job_timeouts() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      assertThat(backoff.next("9", 1).delay()).isEqualTo(Duration.ofSeconds(9));
      backoff.answered();
    }

    Backoff.Step fourth = backoff.next("9", 1);
    assertThat(fourth.delay()).isNull();
    assertThat(fourth.givingUp())
        .isEqualTo(
            "Retry-After's wait (9000 ms) would make the run's waits on 429s longer than"
                + " 30000 ms (3 x --job-timeout)");
  }

  @Test
  void a_retry_after_beyond_the_budget_is_not_waited_for_at_all() {
    Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(5));

    Backoff.Step step = backoff.next(String.valueOf(Long.MAX_VALUE), 1);

    assertThat(step.delay()).isNull();
    assertThat(step.givingUp()).startsWith("Retry-After's wait (over 30 years)");
    assertThat(backoff.waited()).isZero();
  }
}
