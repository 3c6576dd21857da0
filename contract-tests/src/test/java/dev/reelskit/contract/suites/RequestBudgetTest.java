package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite keeps to its own budget; the server's view of arrival times is the judge. */
class RequestBudgetTest {

  @Test
  void the_suite_never_sends_more_than_its_budget_nor_keeps_more_jobs_unfinished() {
    List<Long> arrivals;
    int unfinished;
    RunOutcome outcome;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      outcome =
          SuiteLauncher.launch(
              FastSettings.builder(server)
                  .rateLimit(new RateLimit(8, Duration.ofMillis(500)))
                  .maxUnfinishedJobs(2)
                  .build());
      arrivals = server.arrivals();
      unfinished = server.maxUnfinishedSeen();
      assertThat(server.tooManyRequestsSent()).isZero();
    }

    assertThat(outcome.exitCode()).isZero();
    assertThat(maxInWindow(arrivals, Duration.ofMillis(500))).isLessThanOrEqualTo(8);
    assertThat(maxInWindow(arrivals, Duration.ofMillis(1000))).isGreaterThan(8);
    assertThat(unfinished).isLessThanOrEqualTo(2);
  }

  private static int maxInWindow(List<Long> arrivals, Duration window) {
    int max = 0;
    for (int i = 0; i < arrivals.size(); i++) {
      int count = 0;
      for (int j = i;
          j < arrivals.size() && arrivals.get(j) - arrivals.get(i) < window.toNanos();
          j++) {
        count++;
      }
      max = Math.max(max, count);
    }
    return max;
  }
}
