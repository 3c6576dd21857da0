package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The docs' own contradiction, made visible: a job polled every 5 s is 12 requests a minute, above
 * the documented 10. When a client breaks the rate limit while polling at the documented interval,
 * the report says so instead of blaming the client alone.
 */
final class DocumentedIntervalNote {

  private DocumentedIntervalNote() {}

  /** The catalogue's wording of the note for these settings. */
  static String text(ClientRuleSettings settings) {
    long perWindow = settings.rateWindow().toMillis() / settings.pollInterval().toMillis();
    // The submission takes one request of the window, and the docs' loop polls at once after it:
    // a window holds the submission plus window / interval + 1 polls.
    long polls = Math.max(1, settings.rateLimit() - 1);
    Duration safe = ceilSeconds(settings.rateWindow().dividedBy(polls));
    return "polling one job every "
        + Formats.duration(settings.pollInterval())
        + " is "
        + perWindow
        + " requests per "
        + Formats.duration(settings.rateWindow())
        + ", above the documented "
        + settings.rateLimit()
        + ": a client that follows the docs literally breaks the limit on a long job;"
        + " poll every "
        + Formats.duration(safe)
        + " or more to stay within it"
        + " (the submission counts too)";
  }

  private static Duration ceilSeconds(Duration d) {
    Duration whole = Duration.ofSeconds(d.getSeconds());
    return whole.equals(d) ? d : whole.plusSeconds(1);
  }

  /**
   * The note, when some job in {@code window} was polled at the poll interval: the median gap
   * between its polls within the tolerance of it (a median, so that one slow iteration of a sleep
   * loop on a loaded machine, or a wait after a 429, does not hide what the loop does); null
   * otherwise.
   */
  static String ifPollingAtInterval(List<TrafficEntry> window, ClientRuleSettings settings) {
    for (List<TrafficEntry> polls : ClientTraffic.pollsByJob(window).values()) {
      if (polls.size() >= 2 && medianGapAtInterval(polls, settings)) {
        return text(settings);
      }
    }
    return null;
  }

  private static boolean medianGapAtInterval(
      List<TrafficEntry> polls, ClientRuleSettings settings) {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < polls.size(); i++) {
      gaps.add(ClientTraffic.gap(polls.get(i - 1), polls.get(i)));
    }
    gaps.sort(null);
    Duration median = gaps.get(gaps.size() / 2);
    return median.minus(settings.pollInterval()).abs().compareTo(settings.tolerance()) <= 0;
  }
}
