package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a server that enforces the documented limits (10 requests a minute, 3 unfinished jobs;
 * the mock's minute shrunk to one wall second by a time scale of 60), the launcher with no budget
 * flag learns the limits from the server and causes no 429 of its own, counted at the server.
 */
class LimitedServerBudgetTest {

  @RegisterExtension
  static final ReelsMockExtension MOCK =
      ReelsMockExtension.builder().rateLimit(true).timeScale(60).build();

  @TempDir Path reports;

  @Test
  void with_no_budget_flag_the_run_keeps_to_the_announced_limits_and_meets_no_429() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code =
        new ContractRunner(
                Map.of("REELS_TOKEN", ReelsMock.DEFAULT_TEST_TOKEN), Map.of(), print, print)
            .run("--base-url", MOCK.baseUrl(), "--reports-dir", reports.toString());

    String text = out.toString(StandardCharsets.UTF_8);
    List<TrafficEntry> traffic = MOCK.traffic().snapshot();
    assertThat(code).as(text).isZero();
    assertThat(text.lines().toList().get(1))
        .isEqualTo(
            "reels-contract-tests: budget announced (10 requests per 1s, 3 jobs at once, a poll"
                + " every 300ms): the server announced its limits (X-Reels-Limits:"
                + " requests=10;window=1;unfinished-jobs=3)");
    assertThat(traffic).hasSizeGreaterThan(30);
    assertThat(traffic).as("429s the mock sent").filteredOn(e -> e.httpStatus() == 429).isEmpty();
  }
}
