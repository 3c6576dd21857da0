package dev.reelskit.contract.internal.http;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How long to wait after a 429, and when to stop. One request is sent at most {@value #MAX_RETRIES}
 * more times after its first 429; the waits in a row, with no other answer between them, add up to
 * at most the job timeout, and the waits of a whole run to at most {@value
 * #RUN_BUDGET_IN_JOB_TIMEOUTS} job timeouts. So a server that answers only 429, or almost only,
 * ends the run by attempts and by wall time, whatever its Retry-After says. Retry-After counts only
 * as a positive number of seconds; zero, a negative number, a date or garbage read as absent (back
 * off exponentially from the poll interval): waits that add up to nothing cannot loop for ever.
 */
final class Backoff {

  /** Sends of one request after its first 429. */
  static final int MAX_RETRIES = 5;

  /** The waits of a whole run add up to at most this many job timeouts. */
  static final int RUN_BUDGET_IN_JOB_TIMEOUTS = 3;

  /** The longest single wait without a usable Retry-After. */
  static final Duration MAX_STEP = Duration.ofSeconds(60);

  private static final Pattern SECONDS = Pattern.compile("\\d+");

  private final Duration inRow;
  private final Duration inAll;
  private final Duration base;
  private Duration waitedInRow = Duration.ZERO;
  private Duration waitedInAll = Duration.ZERO;

  /**
   * @param jobTimeout what the waits in a row may add up to (a third of what the run's may)
   * @param base the first wait without a usable Retry-After (doubled for each retry)
   */
  Backoff(Duration jobTimeout, Duration base) {
    this.inRow = jobTimeout;
    this.inAll = jobTimeout.multipliedBy(RUN_BUDGET_IN_JOB_TIMEOUTS);
    this.base = base.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : base;
  }

  /**
   * Retry-After as a positive delay, or null when it does not give one (absent, zero, negative, an
   * HTTP date, garbage). A number too large for a Duration reads as a very long one.
   */
  static Duration retryAfter(String header) {
    if (header == null || !SECONDS.matcher(header.trim()).matches()) {
      return null;
    }
    String digits = header.trim().replaceFirst("^0+", "");
    if (digits.isEmpty()) {
      return null;
    }
    return digits.length() > 15
        ? Duration.ofSeconds(Long.MAX_VALUE)
        : Duration.ofSeconds(Long.parseLong(digits));
  }

  /** The decision after a 429: wait this long, or give up for the reason given. */
  record Step(Duration delay, String givingUp) {}

  /**
   * What to do after the {@code retry}-th 429 to one request (1 for its first answer). A wait is
   * counted only when it is taken.
   */
  synchronized Step next(String retryAfterHeader, int retry) {
    if (retry > MAX_RETRIES) {
      return new Step(null, "still 429 after " + MAX_RETRIES + " retries of one request");
    }
    Duration asked = retryAfter(retryAfterHeader);
    Duration wait = asked;
    if (wait == null) {
      long millis = base.toMillis() << Math.min(retry - 1, 20);
      wait = Duration.ofMillis(Math.min(millis, MAX_STEP.toMillis()));
    }
    String what = (asked == null ? "the next wait (" : "Retry-After's wait (") + describe(wait);
    if (wait.compareTo(inRow.minus(waitedInRow)) > 0) {
      return new Step(
          null,
          what
              + ") would make the waits in a row longer than "
              + describe(inRow)
              + " (--job-timeout)");
    }
    if (wait.compareTo(inAll.minus(waitedInAll)) > 0) {
      return new Step(
          null,
          what
              + ") would make the run's waits on 429s longer than "
              + describe(inAll)
              + " ("
              + RUN_BUDGET_IN_JOB_TIMEOUTS
              + " x --job-timeout)");
    }
    waitedInRow = waitedInRow.plus(wait);
    waitedInAll = waitedInAll.plus(wait);
    return new Step(wait, null);
  }

  /** The server answered something other than 429: the waits in a row start again. */
  synchronized void answered() {
    waitedInRow = Duration.ZERO;
  }

  /** All the waits taken so far in this run. */
  synchronized Duration waited() {
    return waitedInAll;
  }

  private static String describe(Duration d) {
    return d.getSeconds() > 1_000_000_000L ? "over 30 years" : d.toMillis() + " ms";
  }
}
