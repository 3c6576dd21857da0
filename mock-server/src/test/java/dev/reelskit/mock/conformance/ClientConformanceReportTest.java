package dev.reelskit.mock.conformance;

import static dev.reelskit.openapi.model.JobStatus.DONE;
import static dev.reelskit.openapi.model.JobStatus.PENDING;
import static dev.reelskit.openapi.model.JobStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ClientConformanceReportTest {

  /** The docs' loop taken literally on a long job: poll at once, then every 5 s. */
  static Traffic docsLiteralClient() {
    Traffic traffic = new Traffic().at(0).submit(7);
    for (int i = 0; i <= 10; i++) {
      traffic.at(0.2 + 5 * i).poll(7, PROCESSING);
    }
    return traffic;
  }

  @Test
  void reports_polls_too_close_together_with_their_gap_and_the_status_shown() {
    Traffic traffic =
        new Traffic()
            .at(0)
            .submit(42)
            .at(0.1)
            .poll(42, PENDING)
            .at(1.3)
            .poll(42, PROCESSING)
            .at(6.5)
            .poll(42, DONE);

    assertThat(traffic.judge().toText())
        .isEqualTo(
            """
        CC-POLL-001 Polls of one job are spaced at least the poll interval \
        (docs/client-rules.md#cc-poll-001)
          token     ist_****3f9a
          job       42
          expected  gap >= 4.5 s (interval 5 s - tolerance 500 ms)
          actual    gap 1.2 s (1 of 2 gaps too short)
          shown     pending
          requests  #2 t+100 ms GET /api/v1/reels/42 -> 200 pending
                    #3 t+1.3 s GET /api/v1/reels/42 -> 200 processing

          profile   test
          traffic   4 requests judged, 0 dropped by the bounded log; \
        t+0 = 2026-05-22T10:00:00Z (mock clock)
          passed    CC-TRAFFIC-001, CC-AUTH-001, CC-SPEC-001, CC-SPEC-002, CC-POLL-002, \
        CC-POLL-003, CC-RATE-001, CC-JOBS-001, CC-RETRY-001
        9 passed, 1 failed
        """);
  }

  @Test
  void reports_polls_after_done_with_the_response_that_showed_it() {
    Traffic traffic = ClientRulesTest.correctClient().at(18.1).poll(1, DONE).at(24.1).poll(1, DONE);

    assertThat(traffic.judge().toText())
        .startsWith(
            """
        CC-POLL-002 No poll of a job after it was shown done or error \
        (docs/client-rules.md#cc-poll-002)
          token     ist_****3f9a
          job       1
          expected  no poll after #4 showed done
          actual    2 more polls, the last 12 s later
          shown     done
          requests  #4 t+12.1 s GET /api/v1/reels/1 -> 200 done
                    #5 t+18.1 s GET /api/v1/reels/1 -> 200 done
                    #6 t+24.1 s GET /api/v1/reels/1 -> 200 done

        """);
  }

  @Test
  void says_that_polling_at_the_documented_interval_is_twelve_requests_a_minute() {
    ClientConformanceReport report = docsLiteralClient().judge();
    String note =
        "polling one job every 5 s is 12 requests per 60 s, above the documented 10:"
            + " a client that follows the docs literally breaks the limit on a long job;"
            + " poll every 7 s or more to stay within it (the submission counts too)";

    assertThat(report.violatedRuleIds()).containsExactly(ClientRules.RATE_LIMIT);
    assertThat(report.toText())
        .startsWith(
            """
        CC-RATE-001 Stays within the rate limit in any window, per token \
        (docs/client-rules.md#cc-rate-001)
          token     ist_****3f9a
          expected  at most 10 requests in any 60 s
          actual    12 requests within 50.2 s
          requests  #1 t+0 ms POST /api/v1/reels/analyze -> 202 pending
                    #2 t+200 ms GET /api/v1/reels/7 -> 200 processing
                    #3 t+5.2 s GET /api/v1/reels/7 -> 200 processing
                    #4 t+10.2 s GET /api/v1/reels/7 -> 200 processing
                    #5 t+15.2 s GET /api/v1/reels/7 -> 200 processing
                    ... 5 more ...
                    #11 t+45.2 s GET /api/v1/reels/7 -> 200 processing
                    #12 t+50.2 s GET /api/v1/reels/7 -> 200 processing
          note     \s"""
                + note
                + "\n");
    assertThat(report.notes()).containsExactly(note);
    assertThat(ClientRules.documentedIntervalNote(ClientRuleSettings.defaults())).isEqualTo(note);
  }

  @Test
  void shows_retry_after_and_rejection_codes_in_request_lines() {
    Traffic traffic =
        new Traffic().at(0).submitRefused("rate-limited", 3).at(1).submit(1).at(1.1).poll(1, DONE);

    assertThat(traffic.judge().toText())
        .contains(
            "  requests  #1 t+0 ms POST /api/v1/reels/analyze -> 429 rate-limited, Retry-After 3 s\n"
                + "            #2 t+1 s POST /api/v1/reels/analyze -> 202 pending\n");
  }

  @Test
  void assert_conforms_fails_naming_the_violated_rule_first() {
    ClientConformanceReport report = docsLiteralClient().judge();

    assertThatThrownBy(report::assertConforms)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("CC-RATE-001 Stays within the rate limit")
        .hasMessageEndingWith("9 passed, 1 failed\n");
  }

  @Test
  void assert_conforms_passes_a_correct_client() {
    assertThatCode(ClientRulesTest.correctClient().judge()::assertConforms)
        .doesNotThrowAnyException();
  }

  @Test
  void a_client_killed_at_its_time_bound_does_not_conform_even_with_clean_traffic() {
    ClientConformanceReport report =
        ClientRulesTest.correctClient()
            .judge()
            .withClientRun(new ClientRun(-1, Duration.ofSeconds(30), true, ""));

    assertThat(report.conforms()).isFalse();
    assertThat(report.toText())
        .contains("  client    timed out after 30 s, killed with its child processes\n");
  }

  @Test
  void says_when_the_bounded_log_dropped_evidence() {
    ClientConformanceReport report =
        ClientConformance.judge(
            ClientRulesTest.correctClient().entries(), ClientRuleSettings.defaults(), "fast", 17);

    assertThat(report.toText())
        .contains("  profile   fast\n")
        .contains("  traffic   4 requests judged, 17 dropped by the bounded log")
        .contains(
            "  note      evidence is partial: the bounded traffic log dropped the 17 oldest"
                + " requests\n");
  }

  @Test
  void never_prints_a_token_that_reached_it_unmasked() {
    String secret = "ist_abcdefghijklmnopqrstuvwxyz12";
    Traffic traffic =
        ClientRulesTest.correctClient()
            .at(20)
            .token(secret)
            .rejected("GET", "/api/v1/reels/1", "getReel", 401, "invalid-token");
    ClientConformanceReport report = traffic.judge();

    assertThat(report.toText()).doesNotContain(secret).contains("token     ist_****yz12");
    assertThat(report.toJson()).doesNotContain(secret);
  }

  @Test
  void writes_json_with_the_profile_the_counts_and_the_evidence() throws Exception {
    ClientConformanceReport report =
        ClientConformance.judge(
            docsLiteralClient().entries(), ClientRuleSettings.defaults(), "realistic", 2);
    JsonNode json = ReelsJson.mapper().readTree(report.toJson());

    assertThat(json.path("conforms").asBoolean()).isFalse();
    assertThat(json.path("profile").asText()).isEqualTo("realistic");
    assertThat(json.path("dropped").asLong()).isEqualTo(2);
    assertThat(json.path("passed").asInt()).isEqualTo(9);
    assertThat(json.path("failed").asInt()).isEqualTo(1);
    assertThat(json.path("violatedRules").toString()).isEqualTo("[\"CC-RATE-001\"]");
    JsonNode rate = json.path("rules").get(7);
    assertThat(rate.path("id").asText()).isEqualTo("CC-RATE-001");
    JsonNode violation = rate.path("violations").get(0);
    assertThat(violation.path("actual").asText()).isEqualTo("12 requests within 50.2 s");
    assertThat(violation.path("requests")).hasSize(12);
    assertThat(violation.path("requests").get(1).path("at").asText())
        .isEqualTo("2026-05-22T10:00:00.200Z");
    assertThat(violation.path("note").asText()).startsWith("polling one job every 5 s");
  }

  @Test
  void elides_long_lists_of_violations_in_text_but_not_in_json() {
    Traffic traffic = new Traffic();
    for (int i = 0; i < 7; i++) {
      traffic
          .at(i * 20)
          .token("<none>")
          .rejected("POST", Traffic.ANALYZE_PATH, "analyzeReel", 401, "missing-token")
          .token("ist_****000" + i)
          .at(i * 20 + 1)
          .rejected("POST", Traffic.ANALYZE_PATH, "analyzeReel", 401, "invalid-token");
    }
    ClientConformanceReport report = traffic.judge();

    assertThat(report.toText())
        .contains("  ... and 3 more violations of CC-AUTH-001 in the JSON report\n");
    assertThat(report.results().get(1).violations()).hasSize(8);
  }
}
