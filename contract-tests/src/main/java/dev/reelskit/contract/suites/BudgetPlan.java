package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.rules.ContractConfigurationException;

/**
 * Whether the suite's own request budget lets it honour its job timeout. With {@code n} jobs
 * unfinished at once and {@code r} requests per window {@code w}, each job can be read at best
 * every {@code max(poll interval, n * w / r)}; a job timeout that leaves fewer than {@link
 * #MIN_READS} reads of a job would blame the server for the suite's own pacing, so the run refuses
 * to start.
 */
final class BudgetPlan {

  /** The read at once after the 202, then enough to see pending, processing and the end. */
  static final int MIN_READS = 4;

  private BudgetPlan() {}

  /** Throws a configuration failure naming the numbers and the options to change. */
  static void check(ContractTestSettings settings, int jobs) {
    int unfinished = Math.max(1, Math.min(settings.maxUnfinishedJobs(), jobs));
    RateLimit rate = settings.rateLimit();
    long windowMillis = rate.per().toMillis();
    long budgetGap = (long) Math.ceil((double) unfinished * windowMillis / rate.requests());
    long gap = Math.max(settings.pollInterval().toMillis(), budgetGap);
    long timeout = settings.jobTimeout().toMillis();
    long reads = 1 + timeout / gap;
    if (reads >= MIN_READS) {
      return;
    }
    long neededRequests =
        (long) Math.ceil((double) unfinished * windowMillis * (MIN_READS - 1) / timeout);
    long neededTimeout = gap * (MIN_READS - 1);
    throw new ContractConfigurationException(
        "the suite's request budget (--rate-limit "
            + rate
            + ") cannot honour its job timeout (--job-timeout "
            + timeout
            + " ms): with "
            + unfinished
            + " jobs unfinished at once each job can be read only every "
            + gap
            + " ms, "
            + reads
            + " reads within the timeout where "
            + MIN_READS
            + " are needed; raise --rate-limit to at"
            + " least "
            + new RateLimit(
                (int) Math.min(Integer.MAX_VALUE, Math.max(neededRequests, rate.requests() + 1L)),
                rate.per())
            + " or --job-timeout to at least "
            + neededTimeout
            + " ms");
  }
}
