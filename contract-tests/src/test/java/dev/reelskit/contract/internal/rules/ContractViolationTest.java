package dev.reelskit.contract.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ContractViolationTest {

  private static final Exchange POLL =
      new Exchange(
          "poll www",
          Exchange.Auth.VALID,
          "GET",
          "http://localhost:8089/api/v1/reels/42",
          List.of("Authorization: Bearer ****3f9a"),
          null,
          200,
          "application/json",
          null,
          "{\"id\":42,\"status\":\"finished\"}",
          120,
          List.of(),
          null,
          null);

  @Test
  void a_violation_leads_with_the_rule_and_lists_the_evidence_in_order() {
    ContractViolation v =
        Verdict.violation(
            Rule.READ_STATUS_ENUM,
            List.of(
                Finding.value(
                    POLL,
                    "$.status",
                    "one of [pending, processing, done, error]",
                    "\"finished\"")));

    assertThat(v).isInstanceOf(AssertionFailedError.class);
    assertThat(v.getMessage())
        .isEqualTo(
            """
        RC-READ-005 status is one of pending|processing|done|error (docs/contract-rules.md#rc-read-005)

          request   GET http://localhost:8089/api/v1/reels/42
                    Authorization: Bearer ****3f9a
          response  200 application/json {"id":42,"status":"finished"}
          at        $.status
          expected  one of [pending, processing, done, error]
          actual    "finished\"""");
    assertThat(v.getExpected().getValue()).isEqualTo("one of [pending, processing, done, error]");
    assertThat(v.getActual().getValue()).isEqualTo("\"finished\"");
  }

  @Test
  void polling_findings_add_the_job_its_elapsed_time_and_timeline_under_a_count() {
    Finding timeout =
        Finding.value(POLL, "$.status", "done or error within 1500 ms", "\"processing\"")
            .inJob(
                new Finding.JobContext(
                    "42 (www)", 1530, "pending@50ms -> processing@101ms -> processing@1530ms"));
    Finding second = Finding.status(POLL, "404");

    ContractViolation v = Verdict.violation(Rule.LIFE_TERMINAL, List.of(timeout, second));

    assertThat(v.getMessage())
        .isEqualTo(
            """
        RC-LIFE-002 A job reaches done or error within the job timeout (docs/contract-rules.md#rc-life-002)
          2 checks failed

          request   GET http://localhost:8089/api/v1/reels/42
                    Authorization: Bearer ****3f9a
          response  200 application/json {"id":42,"status":"finished"}
          job       42 (www)
          elapsed   1530 ms
          timeline  pending@50ms -> processing@101ms -> processing@1530ms
          at        $.status
          expected  done or error within 1500 ms
          actual    "processing"

          request   GET http://localhost:8089/api/v1/reels/42
                    Authorization: Bearer ****3f9a
          response  200 application/json {"id":42,"status":"finished"}
          at        HTTP status
          expected  404
          actual    200""");
  }
}
