package dev.reelskit.mock.conformance;

import dev.reelskit.mock.internal.conformance.TokenMask;
import java.util.List;

/** Nothing recorded must not read as a pass: a client pointed at the wrong URL sends nothing. */
final class TrafficPresentRule extends NamedRule {

  TrafficPresentRule() {
    super(ClientRules.TRAFFIC, "The client sends at least one API request");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    if (!traffic.isEmpty()) {
      return List.of();
    }
    return List.of(
        new ClientViolation(
            id(),
            TokenMask.NONE,
            null,
            "at least one request to the mock",
            "no request recorded (was the client given the mock's base URL?)",
            null,
            List.of(),
            null));
  }
}
