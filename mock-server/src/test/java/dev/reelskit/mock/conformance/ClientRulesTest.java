package dev.reelskit.mock.conformance;

import static dev.reelskit.openapi.model.JobStatus.DONE;
import static dev.reelskit.openapi.model.JobStatus.ERROR;
import static dev.reelskit.openapi.model.JobStatus.PENDING;
import static dev.reelskit.openapi.model.JobStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule against traffic that keeps it and traffic that breaks it, and nothing else. */
class ClientRulesTest {

  /** A client that follows the docs and the limits: submit, poll at once, then every 6 s. */
  static Traffic correctClient() {
    return new Traffic()
        .at(0)
        .submit(1)
        .at(0.1)
        .poll(1, PENDING)
        .at(6.1)
        .poll(1, PROCESSING)
        .at(12.1)
        .poll(1, DONE);
  }

  @Test
  void a_correct_client_passes_every_rule() {
    ClientConformanceReport report = correctClient().judge();

    assertThat(report.violatedRuleIds()).isEmpty();
    assertThat(report.conforms()).isTrue();
    assertThat(report.passedCount()).isEqualTo(ClientRules.all().size());
  }

  @Test
  void the_catalogue_ids_are_stable() {
    assertThat(ClientRules.all())
        .extracting(ClientRule::id)
        .containsExactly(
            "CC-TRAFFIC-001",
            "CC-AUTH-001",
            "CC-SPEC-001",
            "CC-SPEC-002",
            "CC-POLL-001",
            "CC-POLL-002",
            "CC-POLL-003",
            "CC-RATE-001",
            "CC-JOBS-001",
            "CC-RETRY-001");
    assertThat(ClientRules.byId("CC-POLL-001").anchor())
        .isEqualTo("docs/client-rules.md#cc-poll-001");
  }

  @Nested
  class traffic_present {

    @Test
    void fails_when_the_client_sent_nothing() {
      assertThat(new Traffic().judge().violatedRuleIds()).containsExactly(ClientRules.TRAFFIC);
    }
  }

  @Nested
  class auth {

    @Test
    void fails_on_a_request_without_a_token() {
      Traffic traffic =
          correctClient()
              .at(20)
              .token("<none>")
              .rejected("POST", Traffic.ANALYZE_PATH, "analyzeReel", 401, "missing-token");

      assertThat(traffic.judge().violatedRuleIds()).containsExactly(ClientRules.AUTH);
    }

    @Test
    void fails_on_a_token_the_api_refuses() {
      Traffic traffic =
          correctClient()
              .at(20)
              .token("ist_****dead")
              .rejected("GET", "/api/v1/reels/1", "getReel", 401, "invalid-token");

      ClientConformanceReport report = traffic.judge();
      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.AUTH);
      assertThat(report.result(ClientRules.AUTH).violations().get(0).actual())
          .isEqualTo("1 of 5 requests rejected as invalid-token");
    }
  }

  @Nested
  class documented_operations {

    @Test
    void fails_on_an_unknown_path() {
      Traffic traffic =
          correctClient().at(20).rejected("GET", "/api/v1/reel/1", null, 404, "unknown-path");

      assertThat(traffic.judge().violatedRuleIds()).containsExactly(ClientRules.OPERATION);
    }

    @Test
    void fails_on_a_wrong_method() {
      Traffic traffic =
          correctClient()
              .at(20)
              .rejected("DELETE", "/api/v1/reels/1", null, 405, "method-not-allowed");

      assertThat(traffic.judge().violatedRuleIds()).containsExactly(ClientRules.OPERATION);
    }
  }

  @Nested
  class submission_body {

    @Test
    void fails_on_a_url_that_is_not_instagram() {
      Traffic traffic =
          correctClient()
              .at(20)
              .rejected("POST", Traffic.ANALYZE_PATH, "analyzeReel", 400, "url-not-instagram");

      assertThat(traffic.judge().violatedRuleIds()).containsExactly(ClientRules.SUBMIT_BODY);
    }

    @Test
    void fails_on_a_body_that_is_not_json() {
      Traffic traffic =
          correctClient()
              .at(20)
              .rejected("POST", Traffic.ANALYZE_PATH, "analyzeReel", 415, "unsupported-media-type");

      assertThat(traffic.judge().violatedRuleIds()).containsExactly(ClientRules.SUBMIT_BODY);
    }
  }

  @Nested
  class poll_spacing {

    @Test
    void passes_a_gap_shorter_than_the_interval_by_less_than_the_tolerance() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submit(1)
              .at(0.1)
              .poll(1, PENDING)
              .at(4.7)
              .poll(1, PROCESSING)
              .at(9.3)
              .poll(1, DONE);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }

    @Test
    void fails_a_gap_shorter_than_the_interval_minus_the_tolerance() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submit(1)
              .at(0.1)
              .poll(1, PENDING)
              .at(4.5)
              .poll(1, PROCESSING)
              .at(10)
              .poll(1, DONE);

      ClientConformanceReport report = traffic.judge();
      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.POLL_SPACING);
      ClientViolation violation = report.result(ClientRules.POLL_SPACING).violations().get(0);
      assertThat(violation.actual()).isEqualTo("gap 4.4 s (1 of 2 gaps too short)");
      assertThat(violation.shown()).isEqualTo(PENDING);
      assertThat(violation.requests()).extracting(TrafficEntry::seq).containsExactly(2L, 3L);
    }

    @Test
    void counts_a_refused_poll_recorded_without_a_job_id_by_the_id_in_its_path() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submit(1)
              .at(0.1)
              .poll(1, PENDING)
              .at(5.1)
              .rejected("GET", "/api/v1/reels/1", ClientTraffic.GET, 429, "rate-limited")
              .at(6.1)
              .poll(1, DONE);

      ClientConformanceReport report = traffic.judge();
      assertThat(report.violatedRuleIds()).contains(ClientRules.POLL_SPACING);
      assertThat(report.result(ClientRules.POLL_SPACING).violations().get(0).requests())
          .extracting(TrafficEntry::seq)
          .containsExactly(3L, 4L);
    }

    @Test
    void follows_the_configured_interval() {
      Traffic traffic =
          new Traffic().at(0).submit(1).at(0.1).poll(1, PENDING).at(1.1).poll(1, DONE);
      ClientRuleSettings fast =
          ClientRuleSettings.defaults()
              .withPollInterval(Duration.ofSeconds(1))
              .withTolerance(Duration.ofMillis(100));

      assertThat(traffic.judge(fast).violatedRuleIds()).isEmpty();
      assertThat(traffic.judge().violatedRuleIds()).containsExactly(ClientRules.POLL_SPACING);
    }
  }

  @Nested
  class polling_after_terminal {

    @Test
    void fails_when_the_client_polls_after_it_was_shown_done() {
      Traffic traffic = correctClient().at(18.1).poll(1, DONE);

      assertThat(traffic.judge().violatedRuleIds())
          .containsExactly(ClientRules.POLL_AFTER_TERMINAL);
    }

    @Test
    void fails_when_the_client_polls_after_it_was_shown_error() {
      Traffic traffic = new Traffic().at(0).submit(1).at(0.1).poll(1, ERROR).at(6).poll(1, ERROR);

      ClientConformanceReport report = traffic.judge();
      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.POLL_AFTER_TERMINAL);
      assertThat(report.result(ClientRules.POLL_AFTER_TERMINAL).violations().get(0).shown())
          .isEqualTo(ERROR);
    }

    @Test
    void passes_polls_of_another_job_after_one_is_done() {
      Traffic traffic = correctClient().at(13).submit(2).at(13.1).poll(2, DONE);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }
  }

  @Nested
  class give_up {

    static Traffic slowPolls(double last) {
      return new Traffic()
          .at(0)
          .submit(1)
          .at(0.1)
          .poll(1, PENDING)
          .at(30)
          .poll(1, PROCESSING)
          .at(60)
          .poll(1, PROCESSING)
          .at(90)
          .poll(1, PROCESSING)
          .at(last)
          .poll(1, PROCESSING);
    }

    @Test
    void passes_a_last_poll_within_the_bound_and_tolerance() {
      assertThat(slowPolls(120.4).judge().violatedRuleIds()).isEmpty();
    }

    @Test
    void fails_a_poll_after_the_bound() {
      ClientConformanceReport report = slowPolls(121).judge();

      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.GIVE_UP);
      assertThat(report.result(ClientRules.GIVE_UP).violations().get(0).actual())
          .isEqualTo("1 poll after the bound, the last 121 s after creation");
    }
  }

  @Nested
  class rate_limit {

    static Traffic pollEvery(double seconds) {
      Traffic traffic = new Traffic().at(0).submit(1);
      for (int i = 1; i <= 10; i++) {
        traffic.at(i * seconds).poll(1, PROCESSING);
      }
      return traffic;
    }

    @Test
    void passes_eleven_requests_spread_over_a_full_window() {
      assertThat(pollEvery(6).judge().violatedRuleIds()).isEmpty();
    }

    @Test
    void fails_eleven_requests_within_a_window() {
      ClientConformanceReport report = pollEvery(5.6).judge();

      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.RATE_LIMIT);
      ClientViolation violation = report.result(ClientRules.RATE_LIMIT).violations().get(0);
      assertThat(violation.actual()).isEqualTo("11 requests within 56 s");
      assertThat(violation.note()).as("not polling at the documented interval").isNull();
    }

    @Test
    void counts_each_token_on_its_own() {
      Traffic traffic = pollEvery(6);
      traffic.token("ist_****beef").at(1).submit(2).at(7).poll(2, DONE);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }
  }

  @Nested
  class unfinished_jobs {

    @Test
    void fails_a_fourth_submission_while_three_jobs_are_unfinished() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submit(1)
              .at(0.5)
              .submit(2)
              .at(1)
              .submit(3)
              .at(1.5)
              .submitRefused("too-many-jobs", 10);

      ClientConformanceReport report = traffic.judge();
      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.UNFINISHED_JOBS);
      assertThat(report.result(ClientRules.UNFINISHED_JOBS).violations().get(0).actual())
          .isEqualTo("submitted while 3 jobs were unfinished (jobs 1, 2, 3)");
    }

    @Test
    void passes_a_fourth_submission_once_a_job_was_shown_done() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submit(1)
              .at(0.5)
              .submit(2)
              .at(1)
              .submit(3)
              .at(1.5)
              .poll(1, DONE)
              .at(2)
              .submit(4);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }

    @Test
    void passes_a_fourth_submission_once_the_unseen_jobs_passed_the_give_up_bound() {
      Traffic traffic =
          new Traffic().at(0).submit(1).at(0.5).submit(2).at(1).submit(3).at(121).submit(4);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }
  }

  @Nested
  class retry_after {

    @Test
    void fails_a_request_sooner_than_retry_after() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submitRefused("rate-limited", 3)
              .at(1)
              .submit(1)
              .at(1.1)
              .poll(1, DONE);

      ClientConformanceReport report = traffic.judge();
      assertThat(report.violatedRuleIds()).containsExactly(ClientRules.RETRY_AFTER);
      assertThat(report.result(ClientRules.RETRY_AFTER).violations().get(0).actual())
          .isEqualTo("next request 1 s after the 429");
    }

    @Test
    void passes_a_request_after_retry_after_less_the_tolerance() {
      Traffic traffic =
          new Traffic()
              .at(0)
              .submitRefused("rate-limited", 3)
              .at(2.6)
              .submit(1)
              .at(2.7)
              .poll(1, DONE);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }

    @Test
    void judges_only_the_next_request_of_the_same_token() {
      Traffic traffic = new Traffic().at(0).submitRefused("rate-limited", 3);
      traffic.token("ist_****beef").at(0.5).submit(1).at(0.6).poll(1, DONE);
      traffic.token(Traffic.TOKEN).at(3).submit(2).at(3.1).poll(2, DONE);

      assertThat(traffic.judge().violatedRuleIds()).isEmpty();
    }
  }

  @Test
  void rules_see_requests_in_arrival_order_whatever_order_they_come_in() {
    List<TrafficEntry> shuffled = new java.util.ArrayList<>(correctClient().entries());
    java.util.Collections.reverse(shuffled);

    assertThat(ClientConformance.judge(shuffled, ClientRuleSettings.defaults()).violatedRuleIds())
        .isEmpty();
  }
}
