package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Polls of one job must be spaced at least the poll interval, less the tolerance. The gap from the
 * submission to the first poll is free: the docs' loop polls at once, then sleeps.
 */
final class PollSpacingRule extends NamedRule {

  PollSpacingRule() {
    super(ClientRules.POLL_SPACING, "Polls of one job are spaced at least the poll interval");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    Duration least = settings.leastGap(settings.pollInterval());
    List<ClientViolation> violations = new ArrayList<>();
    for (Map.Entry<Long, List<TrafficEntry>> job : ClientTraffic.pollsByJob(traffic).entrySet()) {
      List<TrafficEntry> polls = job.getValue();
      int tooShort = 0;
      int worst = -1;
      Duration shortest = null;
      for (int i = 1; i < polls.size(); i++) {
        Duration gap = ClientTraffic.gap(polls.get(i - 1), polls.get(i));
        if (gap.compareTo(least) < 0) {
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
                "gap >= "
                    + Formats.duration(least)
                    + " (interval "
                    + Formats.duration(settings.pollInterval())
                    + " - tolerance "
                    + Formats.duration(settings.tolerance())
                    + ")",
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
}
