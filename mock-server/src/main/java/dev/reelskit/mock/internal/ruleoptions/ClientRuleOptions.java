package dev.reelskit.mock.internal.ruleoptions;

import dev.reelskit.mock.conformance.ClientRuleSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client rules' settings by their option names, shared by {@code check-client} (flags,
 * properties, environment) and the admin endpoint (query parameters), so both speak the same keys:
 * {@value #POLL_INTERVAL}, {@value #TOLERANCE}, {@value #GIVE_UP_AFTER}, {@value #RATE_LIMIT},
 * {@value #MAX_UNFINISHED_JOBS}.
 */
public final class ClientRuleOptions {

  public static final String POLL_INTERVAL = "poll-interval";
  public static final String TOLERANCE = "tolerance";
  public static final String GIVE_UP_AFTER = "give-up-after";
  public static final String RATE_LIMIT = "rate-limit-requests";
  public static final String MAX_UNFINISHED_JOBS = "max-unfinished-jobs";

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private ClientRuleOptions() {}

  /**
   * {@code base} with every option {@code values} knows (null = keep the base's).
   *
   * @throws IllegalArgumentException naming the option when a value is invalid
   */
  public static ClientRuleSettings apply(ClientRuleSettings base, UnaryOperator<String> values) {
    ClientRuleSettings s = base;
    Duration poll = duration(POLL_INTERVAL, values.apply(POLL_INTERVAL));
    if (poll != null) {
      s = s.withPollInterval(poll);
    }
    Duration tolerance = duration(TOLERANCE, values.apply(TOLERANCE));
    if (tolerance != null) {
      s = s.withTolerance(tolerance);
    }
    Duration giveUp = duration(GIVE_UP_AFTER, values.apply(GIVE_UP_AFTER));
    if (giveUp != null) {
      s = s.withGiveUpAfter(giveUp);
    }
    Integer rate = count(RATE_LIMIT, values.apply(RATE_LIMIT));
    if (rate != null) {
      s = s.withRateLimit(rate, s.rateWindow());
    }
    Integer jobs = count(MAX_UNFINISHED_JOBS, values.apply(MAX_UNFINISHED_JOBS));
    if (jobs != null) {
      s = s.withMaxUnfinishedJobs(jobs);
    }
    return s;
  }

  /**
   * A duration as people write it: {@code 500ms}, {@code 5s}, {@code 1.5s}, {@code 10m}, {@code
   * 1h}, or ISO-8601 ({@code PT5S}); null for null or blank.
   *
   * @throws IllegalArgumentException naming {@code option} when the value is not a positive
   *     duration
   */
  public static Duration duration(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      Matcher m = SHORT.matcher(v);
      if (m.matches()) {
        double n = Double.parseDouble(m.group(1));
        double millis =
            switch (m.group(2)) {
              case "ms" -> n;
              case "s" -> n * 1_000;
              case "m" -> n * 60_000;
              default -> n * 3_600_000;
            };
        d = Duration.ofMillis(Math.round(millis));
      } else {
        d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      d = null;
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          option
              + " must be a positive duration such as 500ms, 5s, 10m or PT5S, was '"
              + value
              + "'");
    }
    return d;
  }

  private static Integer count(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be an integer >= 1, was '" + value + "'");
  }
}
