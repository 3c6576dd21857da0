package dev.reelskit.mock.conformance;

import java.util.List;
import java.util.Objects;

/**
 * One rule's verdict: passed when it has no violation; otherwise failed or advised, by the rule's
 * {@link Severity}.
 */
public record ClientRuleResult(ClientRule rule, List<ClientViolation> violations) {

  public ClientRuleResult {
    Objects.requireNonNull(rule, "rule");
    violations = List.copyOf(violations);
  }

  public boolean passed() {
    return violations.isEmpty();
  }

  /** Whether a required rule was broken: the check fails. */
  public boolean failed() {
    return !passed() && rule.severity() == Severity.REQUIRED;
  }

  /** Whether a recommendation was not followed: advice, the check does not fail. */
  public boolean advised() {
    return !passed() && rule.severity() == Severity.ADVICE;
  }
}
