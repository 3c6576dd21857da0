package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.time.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a run may go, and why: the request budget, the jobs kept unfinished at once and the gap
 * between two polls of a job. A run uses exactly one, and says which in its first lines.
 *
 * @param name {@code documented}, {@code unlimited} or {@code announced}
 * @param reason why this budget, in words, e.g. "the server announced no limits (X-Reels-Limits:
 *     none)"
 */
record Budget(
    String name, RateLimit rateLimit, int maxUnfinishedJobs, Duration pollInterval, String reason) {

  /** The docs' numbers: 10 requests a minute, 3 jobs at once, a poll every 5 s. */
  static Budget documented(String reason) {
    return new Budget("documented", RateLimit.DOCUMENTED, 3, Duration.ofSeconds(5), reason);
  }

  /** No request cap, every job at once, a poll every 250 ms: for a server without limits. */
  static Budget unlimited(String reason) {
    return new Budget(
        "unlimited", RateLimit.UNLIMITED, Integer.MAX_VALUE, UNLIMITED_POLL_INTERVAL, reason);
  }

  static final Duration UNLIMITED_POLL_INTERVAL = Duration.ofMillis(250);

  /** The fastest poll an announced budget is given, however generous the announcement. */
  static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(250);

  /**
   * The server's own numbers: each unfinished job is read as often as the budget allows (every
   * {@code jobs * window / requests}), never faster than {@link #MIN_POLL_INTERVAL}.
   */
  static Budget announced(RateLimit rate, int jobs, String reason) {
    long gap = (long) Math.ceil((double) jobs * rate.per().toMillis() / rate.requests());
    Duration poll = Duration.ofMillis(Math.max(MIN_POLL_INTERVAL.toMillis(), gap));
    return new Budget("announced", rate, jobs, poll, reason);
  }

  private static final Pattern KIT =
      Pattern.compile(
          "\\s*requests\\s*=\\s*(\\d+)\\s*;\\s*window\\s*=\\s*(\\d+)\\s*;\\s*unfinished-jobs\\s*=\\s*(\\d+)\\s*");
  private static final Pattern IETF_QUOTA = Pattern.compile("(?:^|;)\\s*q\\s*=\\s*(\\d+)");
  private static final Pattern IETF_WINDOW = Pattern.compile("(?:^|;)\\s*w\\s*=\\s*(\\d+)");

  /**
   * What a server's announcement means: {@code X-Reels-Limits: none}, {@code
   * requests=10;window=60;unfinished-jobs=3}, or an IETF {@code RateLimit-Policy} such as {@code
   * "default";q=10;w=60} (jobs: the documented 3); the documented budget when there is none or it
   * cannot be read, and the reason says which.
   */
  static Budget fromAnnouncement(String header) {
    if (header == null || header.isBlank()) {
      return documented(
          "the server announced no limits of its own (no X-Reels-Limits or RateLimit-Policy"
              + " header), so the documented ones apply; against a server without limits pass"
              + " --budget unlimited");
    }
    String value = header.trim();
    if (value.toLowerCase(Locale.ROOT).equals("none")) {
      return unlimited("the server announced no limits (X-Reels-Limits: none)");
    }
    Matcher kit = KIT.matcher(value);
    if (kit.matches()) {
      int requests = Integer.parseInt(kit.group(1));
      long window = Long.parseLong(kit.group(2));
      int jobs = Integer.parseInt(kit.group(3));
      if (requests > 0 && window > 0 && jobs > 0) {
        return announced(
            new RateLimit(requests, Duration.ofSeconds(window)),
            jobs,
            "the server announced its limits (X-Reels-Limits: " + value + ")");
      }
    }
    String first = value.split(",")[0];
    Matcher q = IETF_QUOTA.matcher(first);
    Matcher w = IETF_WINDOW.matcher(first);
    if (q.find() && w.find()) {
      int requests = Integer.parseInt(q.group(1));
      long window = Long.parseLong(w.group(1));
      if (requests > 0 && window > 0) {
        return announced(
            new RateLimit(requests, Duration.ofSeconds(window)),
            3,
            "the server announced its quota (RateLimit-Policy: "
                + first.trim()
                + "); jobs at once: the documented 3");
      }
    }
    return documented(
        "the server's limits announcement '"
            + (value.length() > 80 ? value.substring(0, 80) + "..." : value)
            + "' could not be read, so the documented limits apply");
  }

  /** One line for the run's start, e.g. {@code unlimited: no request cap, ...}. */
  String describe() {
    String requests =
        rateLimit.equals(RateLimit.UNLIMITED)
            ? "no request cap"
            : rateLimit.requests() + " requests per " + Durations.format(rateLimit.per());
    String jobs =
        maxUnfinishedJobs == Integer.MAX_VALUE
            ? "every job at once"
            : maxUnfinishedJobs + " jobs at once";
    return name
        + " ("
        + requests
        + ", "
        + jobs
        + ", a poll every "
        + Durations.format(pollInterval)
        + "): "
        + reason;
  }
}
