package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Polls of one job must be spaced at least the poll interval, less the tolerance. The gap from the
 * submission to the first poll is free: the docs' loop polls at once, then sleeps. A poll that
 * retries a transient answer (429, 500, 502, 503) as the errors page advises needs only the advised
 * wait (1 s after the first, 2 s after the second): the docs recommend it, and a client that
 * follows the docs must not fail. Past the advised attempts the poll interval applies again; a
 * 429's Retry-After is {@code CC-RETRY-001}'s.
 */
final class PollSpacingRule extends NamedRule {

  PollSpacingRule() {
    super(ClientRules.POLL_SPACING, "Polls of one job are spaced at least the poll interval");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    List<ClientViolation> violations = new ArrayList<>();
    for (Map.Entry<Long, List<TrafficEntry>> job : ClientTraffic.pollsByJob(traffic).entrySet()) {
      List<TrafficEntry> polls = job.getValue();
      int tooShort = 0;
      int worst = -1;
      Duration shortest = null;
      int transientInARow = 0;
      for (int i = 1; i < polls.size(); i++) {
        transientInARow =
            settings.retryAdvice().isTransient(polls.get(i - 1).httpStatus())
                ? transientInARow + 1
                : 0;
        Duration gap = ClientTraffic.gap(polls.get(i - 1), polls.get(i));
        if (gap.compareTo(settings.leastGap(required(settings, transientInARow))) < 0) {
          tooShort++;
          if (shortest == null || gap.compareTo(shortest) < 0) {
            shortest = gap;
            worst = i;
          }
        }
      }
      if (shortest != null) {
        TrafficEntry before = polls.get(worst - 1);
        violations.add(
            new ClientViolation(
                id(),
                before.token(),
                job.getKey(),
                expected(settings, retryNumber(settings, polls, worst)),
                "gap "
                    + Formats.duration(shortest)
                    + " ("
                    + tooShort
                    + " of "
                    + (polls.size() - 1)
                    + " gaps too short)",
                before.shown(),
                List.of(before, polls.get(worst)),
                null));
      }
    }
    return violations;
  }

  /** The wait before a poll that follows {@code transientInARow} transient answers. */
  private static Duration required(ClientRuleSettings settings, int transientInARow) {
    RetryAdvice advice = settings.retryAdvice();
    return transientInARow > 0 && transientInARow < advice.attempts()
        ? advice.waitBefore(transientInARow)
        : settings.pollInterval();
  }

  private static int retryNumber(ClientRuleSettings settings, List<TrafficEntry> polls, int i) {
    int inARow = 0;
    for (int k = i - 1;
        k >= 0 && settings.retryAdvice().isTransient(polls.get(k).httpStatus());
        k--) {
      inARow++;
    }
    return inARow < settings.retryAdvice().attempts() ? inARow : 0;
  }

  private static String expected(ClientRuleSettings settings, int retry) {
    Duration wait = required(settings, retry);
    return "gap >= "
        + Formats.duration(settings.leastGap(wait))
        + (retry > 0 ? " (retry " + retry + " of a transient answer: the advised " : " (interval ")
        + Formats.duration(wait)
        + " - tolerance "
        + Formats.duration(settings.tolerance())
        + ")";
  }
}
