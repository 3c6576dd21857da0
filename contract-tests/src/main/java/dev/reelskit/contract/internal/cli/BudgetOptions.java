package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How fast the suite may go: its own request budget and how often it reads a job. */
final class BudgetOptions {

  @Option(
      names = "--rate-limit",
      paramLabel = "N[/DURATION]",
      converter = Converters.RateLimitValue.class,
      description =
          "Request budget per token: 10 means 10 a minute; 5/2s is also accepted. Default: 10/1m.")
  RateLimit rateLimit;

  @Option(
      names = "--max-unfinished-jobs",
      paramLabel = "N",
      description = "Jobs that may be pending or processing at once. Default: 3.")
  Integer maxUnfinishedJobs;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description = "Time between two polls of one job, e.g. 5s, 500ms. Default: 5s.")
  Duration pollInterval;

  void applyTo(ContractTestSettings.Builder b) {
    if (rateLimit != null) {
      b.rateLimit(rateLimit);
    }
    if (maxUnfinishedJobs != null) {
      b.maxUnfinishedJobs(maxUnfinishedJobs);
    }
    if (pollInterval != null) {
      b.pollInterval(pollInterval);
    }
  }
}
