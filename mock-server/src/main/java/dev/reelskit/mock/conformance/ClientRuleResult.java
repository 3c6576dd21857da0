package dev.reelskit.mock.conformance;

import java.util.List;
import java.util.Objects;

/** One rule's verdict: passed when it has no violation. */
public record ClientRuleResult(ClientRule rule, List<ClientViolation> violations) {

  public ClientRuleResult {
    Objects.requireNonNull(rule, "rule");
    violations = List.copyOf(violations);
  }

  public boolean passed() {
    return violations.isEmpty();
  }
}
