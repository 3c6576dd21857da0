package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How fast the suite may go: a named budget ({@code --budget}), or the server's own announcement,
 * with any of its three values overridden by its own option.
 */
final class BudgetOptions {

  /** The budgets {@code --budget} names. */
  enum Choice {
    auto,
    documented,
    unlimited
  }

  @Option(
      names = "--budget",
      paramLabel = "NAME",
      description =
          "auto (default): the budget the server announces (X-Reels-Limits, as the kit's mock"
              + " sends it, or an IETF RateLimit-Policy header), else the documented one;"
              + " documented: 10 requests a minute, 3 jobs at once, a poll every 5s;"
              + " unlimited: no request cap, every job at once, a poll every 250ms."
              + " The run's first lines say which budget it uses and why.")
  Choice budget;

  @Option(
      names = "--rate-limit",
      paramLabel = "N[/DURATION]",
      converter = Converters.RateLimitValue.class,
      description =
          "Overrides the budget's request cap per token: 10 means 10 a minute; 5/2s is also"
              + " accepted; unlimited. Default: the budget's (documented: 10/1m).")
  RateLimit rateLimit;

  @Option(
      names = "--max-unfinished-jobs",
      paramLabel = "N",
      description =
          "Overrides how many jobs may be pending or processing at once. Default: the budget's"
              + " (documented: 3).")
  Integer maxUnfinishedJobs;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description =
          "Overrides the time between two polls of one job (5s, 500ms). Default: the"
              + " budget's (documented: 5s).")
  Duration pollInterval;

  /** Whether the budget comes from what the server announces. */
  boolean asksTheServer() {
    return budget == null || budget == Choice.auto;
  }

  /** The budget named by {@code --budget}, or the one {@code announcement} gives for auto. */
  Budget choose(String announcement) {
    if (budget == Choice.documented) {
      return Budget.documented("--budget documented");
    }
    if (budget == Choice.unlimited) {
      return Budget.unlimited("--budget unlimited");
    }
    return Budget.fromAnnouncement(announcement);
  }

  /** Applies the explicit values only (the settings' defaults are the documented budget). */
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

  /** Applies {@code chosen}, then the explicit values over it. */
  void applyTo(ContractTestSettings.Builder b, Budget chosen) {
    b.rateLimit(chosen.rateLimit())
        .maxUnfinishedJobs(chosen.maxUnfinishedJobs())
        .pollInterval(chosen.pollInterval());
    applyTo(b);
  }

  /** The explicit values that override the chosen budget, e.g. {@code --poll-interval 1s}. */
  List<String> overrides() {
    List<String> given = new ArrayList<>();
    if (rateLimit != null) {
      given.add("--rate-limit " + rateLimit);
    }
    if (maxUnfinishedJobs != null) {
      given.add("--max-unfinished-jobs " + maxUnfinishedJobs);
    }
    if (pollInterval != null) {
      given.add("--poll-interval " + Durations.format(pollInterval));
    }
    return given;
  }
}
