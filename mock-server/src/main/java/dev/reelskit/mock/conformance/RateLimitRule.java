package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * No token may send more than the limit in any sliding window. Every request counts, refused ones
 * included: the API counts them too. One violation per token, for its busiest window.
 */
final class RateLimitRule extends NamedRule {

  RateLimitRule() {
    super(ClientRules.RATE_LIMIT, "Stays within the rate limit in any window, per token");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    List<ClientViolation> violations = new ArrayList<>();
    for (List<TrafficEntry> group : ClientTraffic.byToken(traffic).values()) {
      List<TrafficEntry> requests =
          group.stream()
              .sorted(Comparator.comparing(TrafficEntry::at).thenComparing(TrafficEntry::seq))
              .toList();
      int bestStart = 0;
      int bestCount = 0;
      int end = 0;
      for (int start = 0; start < requests.size(); start++) {
        Instant windowEnd = requests.get(start).at().plus(settings.rateWindow());
        end = Math.max(end, start);
        while (end < requests.size() && requests.get(end).at().isBefore(windowEnd)) {
          end++;
        }
        if (end - start > bestCount) {
          bestCount = end - start;
          bestStart = start;
        }
      }
      if (bestCount > settings.rateLimit()) {
        List<TrafficEntry> window = requests.subList(bestStart, bestStart + bestCount);
        TrafficEntry first = window.get(0);
        Duration span = ClientTraffic.gap(first, window.get(window.size() - 1));
        violations.add(
            new ClientViolation(
                id(),
                first.token(),
                null,
                "at most "
                    + settings.rateLimit()
                    + " requests in any "
                    + Formats.duration(settings.rateWindow()),
                bestCount + " requests within " + Formats.duration(span),
                null,
                window,
                DocumentedIntervalNote.ifPollingAtInterval(window, settings)));
      }
    }
    return violations;
  }
}
