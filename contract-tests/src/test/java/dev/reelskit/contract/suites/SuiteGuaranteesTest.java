package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RuleResult;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite's own side of the contract (docs/contract-rules.md, "Limits" and RC-LIFE-003), judged
 * by what the server saw arrive: jobs it gave up on, 429s without Retry-After, re-polls of finished
 * jobs. Every bound asserted here is a lower bound on a wait or an exact count, so a slow machine
 * cannot break it.
 */
class SuiteGuaranteesTest {

  @Test
  void a_job_the_suite_gave_up_on_still_counts_against_the_limit_of_unfinished_jobs() {
    RunOutcome outcome;
    int unfinished;
    int refused;
    try (ReelsTestServer server =
        ReelsTestServer.start(ReelsTestServer.Options.liberal().with(Defect.NEVER_FINISHES))) {
      outcome =
          SuiteLauncher.launch(
              FastSettings.builder(server)
                  .jobTimeout(Duration.ofMillis(300))
                  .maxUnfinishedJobs(2)
                  .build());
      unfinished = server.maxUnfinishedSeen();
      refused = server.tooManyRequestsSent();
    }

    // The server allows 3; the suite was told 2, gave up on both after 300 ms and sent no third.
    assertThat(unfinished).isEqualTo(2);
    assertThat(refused).isZero();
    assertThat(outcome.results())
        .filteredOn(r -> r.ruleId().equals("RC-CREATE-001"))
        .filteredOn(r -> r.status() == RuleResult.Status.SKIPPED)
        .extracting(RuleResult::detail)
        .hasSize(2)
        .allSatisfy(
            detail ->
                assertThat(detail)
                    .contains(
                        "not submitted: 2 earlier jobs never finished, and the server allows 2 unfinished jobs"));
  }

  @Test
  void after_a_429_without_retry_after_the_suite_backs_off_at_least_the_poll_interval() {
    List<Long> arrivals;
    List<Long> refusals;
    // Two requests per 200 ms: far below the suite's pace, so it meets 429s whatever the machine.
    try (ReelsTestServer server =
        ReelsTestServer.start(
            ReelsTestServer.Options.liberal().with(Defect.NO_RETRY_AFTER).rateLimit(2, 200))) {
      SuiteLauncher.launch(
          FastSettings.builder(server).pollInterval(Duration.ofMillis(400)).build());
      arrivals = server.arrivals();
      refusals = server.refusedArrivals();
    }

    assertThat(refusals).as("429s among %d requests", arrivals.size()).isNotEmpty();
    // The back-off starts at the poll interval (400 ms, far above one request's round trip even on
    // a loaded machine) and doubles from there.
    List<Duration> gaps =
        refusals.stream()
            .map(
                at ->
                    Duration.ofNanos(
                        arrivals.stream().filter(t -> t > at).findFirst().orElseThrow() - at))
            .toList();
    assertThat(gaps)
        .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(400)));
  }

  @Test
  void each_finished_job_is_read_again_exactly_terminal_repolls_times() {
    List<Integer> repolls;
    RunOutcome outcome;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      outcome = SuiteLauncher.launch(FastSettings.builder(server).terminalRepolls(3).build());
      repolls = server.readsAfterTerminal();
    }

    assertThat(outcome.exitCode()).isZero();
    assertThat(repolls).hasSize(5).containsOnly(3);
  }
}
