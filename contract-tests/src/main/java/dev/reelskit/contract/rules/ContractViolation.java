package dev.reelskit.contract.rules;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A server broke a contract rule. The message leads with the rule (id, title, anchor), then the
 * evidence of every failed check in a fixed order: request, response, job, JSON path, expected,
 * actual. Secrets never reach it: exchanges are masked when they are recorded.
 */
public final class ContractViolation extends AssertionFailedError {

  private final transient Rule rule;
  private final transient List<Evidence> evidence;

  private ContractViolation(
      Rule rule, String message, Object expected, Object actual, List<Evidence> evidence) {
    super(message, expected, actual);
    this.rule = rule;
    this.evidence = List.copyOf(evidence);
  }

  public Rule rule() {
    return rule;
  }

  /**
   * The requests the failed checks were seen in, in order (a report marks them on its timeline).
   */
  public List<Evidence> evidence() {
    return evidence;
  }

  /**
   * The rule's headline followed by {@code evidence} (already masked); {@code expected} and {@code
   * actual} are the first failed check's, for an IDE's diff.
   */
  public static ContractViolation of(Rule rule, String evidence, Object expected, Object actual) {
    return of(rule, evidence, expected, actual, List.of());
  }

  /** As {@link #of(Rule, String, Object, Object)}, with where each failed check was seen. */
  public static ContractViolation of(
      Rule rule, String evidence, Object expected, Object actual, List<Evidence> seen) {
    return new ContractViolation(rule, rule.headline() + evidence, expected, actual, seen);
  }
}
