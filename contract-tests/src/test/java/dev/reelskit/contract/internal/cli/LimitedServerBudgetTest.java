package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a server that enforces limits, the launcher with no budget flag learns them from the
 * server and causes no 429 of its own, counted at the server. The mock's minute is shrunk to one
 * wall second (time scale 60) and its limits are tighter than the documented ones (4 requests a
 * minute, 2 unfinished jobs), so that even a slow, loaded machine would go over them if the suite
 * did not keep to what the server announced.
 */
class LimitedServerBudgetTest {

  @TempDir Path reports;

  @Test
  void with_no_budget_flag_the_run_keeps_to_the_announced_limits_and_meets_no_429() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code;
    List<TrafficEntry> traffic;
    try (ReelsMock mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.FAST)
                .rateLimit(true)
                .limits(4, 2)
                .timeScale(60)
                .build())) {
      code =
          new ContractRunner(
                  Map.of("REELS_TOKEN", ReelsMock.DEFAULT_TEST_TOKEN), Map.of(), print, print)
              .run("--base-url", mock.baseUrl(), "--reports-dir", reports.toString());
      traffic = mock.traffic().snapshot();
    }

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    assertThat(text.lines().toList().get(1))
        .isEqualTo(
            "reels-contract-tests: budget announced (4 requests per 1s, 2 jobs at once, a poll"
                + " every 500ms): the server announced its limits (X-Reels-Limits:"
                + " requests=4;window=1;unfinished-jobs=2)");
    // What the run then kept to (RequestBudgetTest measures at a server that a run keeps to these).
    assertThat(text.lines().toList().get(2))
        .contains("poll-interval=500ms", "rate-limit=4/1s", "max-unfinished-jobs=2");
    assertThat(traffic).hasSizeGreaterThan(30);
    assertThat(traffic).as("429s the mock sent").filteredOn(e -> e.httpStatus() == 429).isEmpty();
  }
}
