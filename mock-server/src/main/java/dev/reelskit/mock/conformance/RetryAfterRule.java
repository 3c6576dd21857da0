package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** After a 429 the token's next request, whatever it is, must wait the Retry-After given. */
final class RetryAfterRule extends NamedRule {

  RetryAfterRule() {
    super(ClientRules.RETRY_AFTER, "Waits at least Retry-After after a 429");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    List<ClientViolation> violations = new ArrayList<>();
    for (List<TrafficEntry> requests : ClientTraffic.byToken(traffic).values()) {
      for (int i = 0; i + 1 < requests.size(); i++) {
        TrafficEntry refused = requests.get(i);
        if (refused.httpStatus() != 429 || refused.retryAfter() == null) {
          continue;
        }
        TrafficEntry next = requests.get(i + 1);
        Duration gap = ClientTraffic.gap(refused, next);
        Duration least = settings.leastGap(refused.retryAfter());
        if (gap.compareTo(least) < 0) {
          violations.add(
              new ClientViolation(
                  id(),
                  refused.token(),
                  next.jobId(),
                  "next request >= "
                      + Formats.duration(refused.retryAfter())
                      + " after the 429 (Retry-After, tolerance "
                      + Formats.duration(settings.tolerance())
                      + ")",
                  "next request " + Formats.duration(gap) + " after the 429",
                  null,
                  List.of(refused, next),
                  null));
        }
      }
    }
    return violations;
  }
}
