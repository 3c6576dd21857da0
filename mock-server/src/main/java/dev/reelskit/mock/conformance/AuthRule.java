package dev.reelskit.mock.conformance;

import dev.reelskit.mock.internal.conformance.TokenMask;
import java.util.Set;

/** Every request must carry {@code Authorization: Bearer ist_...} with a token the API accepts. */
final class AuthRule extends RejectionRule {

  AuthRule() {
    super(
        ClientRules.AUTH,
        "Every request carries Authorization: Bearer ist_...",
        Set.of("missing-token", "invalid-token"),
        "Authorization: Bearer ist_<token> on every request");
  }

  @Override
  String codeOf(TrafficEntry e) {
    String code = super.codeOf(e);
    // A request without a token is a breach even if the mock let it through for another reason.
    return code == null && TokenMask.NONE.equals(e.token()) ? "missing-token" : code;
  }
}
