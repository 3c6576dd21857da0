package dev.reelskit.contract.cli;

import dev.reelskit.contract.internal.time.Durations;
import java.time.Duration;

/** A request budget: at most {@code requests} in any window of length {@code per}. */
public record RateLimit(int requests, Duration per) {

  /** The documented limit: 10 requests a minute. */
  public static final RateLimit DOCUMENTED = new RateLimit(10, Duration.ofMinutes(1));

  /** No cap at all: for a server that enforces none (as many as an int counts per second). */
  public static final RateLimit UNLIMITED = new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));

  public RateLimit {
    if (requests < 1) {
      throw new IllegalArgumentException("a rate limit allows at least 1 request");
    }
    if (per.isZero() || per.isNegative()) {
      throw new IllegalArgumentException("a rate limit's window must be positive");
    }
  }

  /**
   * Parses {@code 10} (a minute), {@code 10/min}, {@code 5/2s}, {@code 100/1m} or {@code
   * unlimited}.
   */
  public static RateLimit parse(String text) {
    String value = text.trim();
    if (value.equalsIgnoreCase("unlimited")) {
      return UNLIMITED;
    }
    int slash = value.indexOf('/');
    if (slash < 0) {
      return new RateLimit(Integer.parseInt(value), Duration.ofMinutes(1));
    }
    String window = value.substring(slash + 1).trim();
    Duration per = window.equals("min") ? Duration.ofMinutes(1) : Durations.parse(window);
    return new RateLimit(Integer.parseInt(value.substring(0, slash).trim()), per);
  }

  @Override
  public String toString() {
    if (equals(UNLIMITED)) {
      return "unlimited";
    }
    return requests + "/" + Durations.format(per);
  }
}
