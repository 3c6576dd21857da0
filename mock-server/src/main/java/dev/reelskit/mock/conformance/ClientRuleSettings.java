package dev.reelskit.mock.conformance;

import dev.reelskit.openapi.DocPages;
import java.time.Duration;
import java.util.Objects;

/**
 * The numbers the client rules judge against; {@link #defaults()} are the documented ones.
 *
 * <p>All durations are on the mock's clock, the same clock as {@link TrafficEntry#at()}: under a
 * time scale the rules still speak of the documented 5 s and 60 s.
 *
 * @param pollInterval the least gap between two polls of one job (docs: 5 s)
 * @param tolerance how much earlier than a required wait a request may arrive and still pass; it
 *     absorbs timer jitter and network latency (default 500 ms, 10% of the poll interval)
 * @param rateLimit how many requests one token may send in any {@code rateWindow} (docs: 10)
 * @param rateWindow the sliding window of the rate limit (docs: a minute)
 * @param maxUnfinishedJobs how many jobs one token may have unfinished at a time (docs: 3)
 * @param giveUpAfter how long after its creation a client may still poll a job that has not
 *     finished (the docs' clients: 120 s)
 * @param retryAdvice the errors page's advice for transient errors, judged as advice ({@code
 *     CC-RETRY-002}); a poll that retries a transient answer as advised keeps {@code CC-POLL-001}
 */
public record ClientRuleSettings(
    Duration pollInterval,
    Duration tolerance,
    int rateLimit,
    Duration rateWindow,
    int maxUnfinishedJobs,
    Duration giveUpAfter,
    RetryAdvice retryAdvice) {

  /** The settings with the documented retry advice. */
  public ClientRuleSettings(
      Duration pollInterval,
      Duration tolerance,
      int rateLimit,
      Duration rateWindow,
      int maxUnfinishedJobs,
      Duration giveUpAfter) {
    this(
        pollInterval,
        tolerance,
        rateLimit,
        rateWindow,
        maxUnfinishedJobs,
        giveUpAfter,
        RetryAdvice.documented());
  }

  public ClientRuleSettings {
    requirePositive(pollInterval, "pollInterval");
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
    }
    requirePositive(rateWindow, "rateWindow");
    requirePositive(giveUpAfter, "giveUpAfter");
    Objects.requireNonNull(retryAdvice, "retryAdvice");
    if (rateLimit < 1) {
      throw new IllegalArgumentException("rateLimit must be at least 1, was " + rateLimit);
    }
    if (maxUnfinishedJobs < 1) {
      throw new IllegalArgumentException(
          "maxUnfinishedJobs must be at least 1, was " + maxUnfinishedJobs);
    }
  }

  /**
   * The documented limits, read from the docs as data ({@link DocPages}): 5 s polls (the result
   * page; 500 ms tolerance, the kit's), 10 requests per 60 s and 3 jobs (the overview), give up
   * after 120 s (the result page's own clients), and the errors page's retry advice.
   */
  public static ClientRuleSettings defaults() {
    DocPages docs = DocPages.get();
    return new ClientRuleSettings(
        Duration.ofSeconds(docs.polling().intervalSeconds()),
        Duration.ofMillis(500),
        docs.limits().requestsPerMinute(),
        Duration.ofMinutes(1),
        docs.limits().concurrentJobs(),
        Duration.ofSeconds(docs.polling().giveUpSeconds()),
        RetryAdvice.documented());
  }

  public ClientRuleSettings withPollInterval(Duration value) {
    return new ClientRuleSettings(
        value, tolerance, rateLimit, rateWindow, maxUnfinishedJobs, giveUpAfter, retryAdvice);
  }

  public ClientRuleSettings withTolerance(Duration value) {
    return new ClientRuleSettings(
        pollInterval, value, rateLimit, rateWindow, maxUnfinishedJobs, giveUpAfter, retryAdvice);
  }

  public ClientRuleSettings withRateLimit(int limit, Duration window) {
    return new ClientRuleSettings(
        pollInterval, tolerance, limit, window, maxUnfinishedJobs, giveUpAfter, retryAdvice);
  }

  public ClientRuleSettings withMaxUnfinishedJobs(int value) {
    return new ClientRuleSettings(
        pollInterval, tolerance, rateLimit, rateWindow, value, giveUpAfter, retryAdvice);
  }

  public ClientRuleSettings withGiveUpAfter(Duration value) {
    return new ClientRuleSettings(
        pollInterval, tolerance, rateLimit, rateWindow, maxUnfinishedJobs, value, retryAdvice);
  }

  public ClientRuleSettings withRetryAdvice(RetryAdvice value) {
    return new ClientRuleSettings(
        pollInterval, tolerance, rateLimit, rateWindow, maxUnfinishedJobs, giveUpAfter, value);
  }

  /** The shortest gap that still passes a required wait of {@code required}. */
  Duration leastGap(Duration required) {
    Duration least = required.minus(tolerance);
    return least.isNegative() ? Duration.ZERO : least;
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
