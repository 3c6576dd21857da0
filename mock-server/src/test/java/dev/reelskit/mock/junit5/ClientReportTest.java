package dev.reelskit.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The extension's client report: a JVM client judged in-process, on a frozen clock. */
class ClientReportTest {

  static final String TOKEN = "ist_jvmClientUnderTest000000001";
  static final String REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";

  /** Submits one job and polls it every {@code interval} of mock time until it is done. */
  static int pollToDone(ReelsMockExtension mock, Duration interval) {
    Http http = new Http(mock.baseUrl());
    long id = http.submit(mock.token(), REEL); // the test's tenant: advanceClock moves its jobs
    int polls = 0;
    while (true) {
      polls++;
      if (http.poll(mock.token(), id).json().get("status").asText().equals("done")) {
        return polls;
      }
      mock.advanceClock(interval);
    }
  }

  @Nested
  class with_the_fast_profile {

    @RegisterExtension ReelsMockExtension mock = ReelsMockExtension.builder().frozenClock().build();

    @Test
    void a_client_that_polls_at_the_interval_conforms() {
      pollToDone(mock, Duration.ofSeconds(6));
      mock.assertClientConforms();
      assertThat(mock.clientReport().profile()).isEqualTo("fast (frozen clock)");
    }

    @Test
    void a_client_that_polls_too_fast_fails_with_the_violated_rule_and_its_evidence() {
      pollToDone(mock, Duration.ofSeconds(1));
      assertThatThrownBy(mock::assertClientConforms)
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining(
              "CC-POLL-001 Polls of one job are spaced at least the poll interval")
          .hasMessageContaining("actual    gap 1 s (2 of 2 gaps too short)")
          .hasMessageContaining("10 passed, 1 failed")
          .hasMessageNotContaining(mock.token());
    }

    @Test
    void the_rules_can_be_configured_and_the_record_reset() {
      pollToDone(mock, Duration.ofSeconds(6));
      ClientRuleSettings slower =
          ClientRuleSettings.defaults().withPollInterval(Duration.ofSeconds(10));
      assertThat(mock.clientReport(slower).violatedRuleIds()).containsExactly("CC-POLL-001");
      assertThatThrownBy(() -> mock.assertClientConforms(slower))
          .hasMessageContaining("CC-POLL-001");

      mock.resetClientReport();
      assertThat(mock.clientReport().violatedRuleIds()).containsExactly("CC-TRAFFIC-001");
    }
  }

  /**
   * The docs' own contradiction: polling every 5 s, as documented, is 12 requests a minute, above
   * the documented 10. On a long (realistic) job the rate rule fires and the report says why.
   */
  @Nested
  class polling_a_long_job_at_the_documented_interval {

    @RegisterExtension
    ReelsMockExtension mock =
        ReelsMockExtension.builder()
            .profile(TimingProfile.REALISTIC)
            .frozenClock()
            .seedJobs(false)
            .build();

    /** Submits (and forgets) jobs until the next one takes at least a minute and a half. */
    long nextJobIsLong() {
      Http http = new Http(mock.baseUrl());
      long next = 100;
      while (total(TimingProfile.REALISTIC.timingFor(next, 42)).compareTo(Duration.ofSeconds(75))
          < 0) {
        next = http.submit(TOKEN, REEL) + 1;
        mock.mock().forceState(next - 1, JobStatus.DONE);
      }
      mock.resetClientReport();
      return next;
    }

    private Duration total(JobTiming t) {
      return t.pending().plus(t.processing());
    }

    @Test
    void breaks_the_rate_limit_and_the_report_carries_the_12_vs_10_note() {
      nextJobIsLong();
      int polls = pollToDone(mock, Duration.ofSeconds(5));

      ClientConformanceReport report = mock.clientReport();
      assertThat(polls).isGreaterThan(12);
      assertThat(report.violatedRuleIds()).containsExactly("CC-RATE-001");
      assertThat(report.toText())
          .contains(
              "polling one job every 5 s is 12 requests per 60 s, above the documented 10: a client"
                  + " that follows the docs literally breaks the limit on a long job;"
                  + " poll every 7 s or more to stay within it (the submission counts too)");
      assertThat(report.notes()).hasSize(1);
      assertThat(report.profile()).isEqualTo("realistic (frozen clock)");
    }

    @Test
    void polling_every_6_s_right_after_submitting_still_breaks_it_the_submission_counts() {
      nextJobIsLong();
      pollToDone(mock, Duration.ofSeconds(6));

      ClientConformanceReport report = mock.clientReport();
      assertThat(report.violatedRuleIds()).containsExactly("CC-RATE-001");
      assertThat(report.result("CC-RATE-001").violations().get(0).actual())
          .isEqualTo("11 requests within 54 s");
    }

    @Test
    void polling_every_7_s_stays_within_the_limit_without_a_note() {
      nextJobIsLong();
      pollToDone(mock, Duration.ofSeconds(7));

      assertThat(mock.clientReport().violatedRuleIds()).isEmpty();
      assertThat(mock.clientReport().notes()).isEmpty();
    }
  }
}
