package dev.reelskit.contract.rules;

import dev.reelskit.contract.internal.http.Exchange;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import dev.reelskit.contract.internal.rules.Finding;

/**
 * A server broke a contract rule. The message leads with the rule (id, title, anchor), then the
 * evidence of every failed check in a fixed order: request, response, job, JSON path, expected,
 * actual. Secrets never reach it: exchanges are masked when they are recorded.
 */
public final class ContractViolation extends AssertionFailedError {

  /** Enough to see a pattern; a hundred copies of one failure help nobody. */
  static final int SHOWN = 5;

  private final transient Rule rule;

  private ContractViolation(Rule rule, String message, Object expected, Object actual) {
    super(message, expected, actual);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }

  /** A response came back with another HTTP status than the rule requires. */
  public static ContractViolation statusMismatch(Rule rule, Exchange exchange, String expected) {
    return of(rule, List.of(Finding.status(exchange, expected)));
  }

  /** A value in a response differs from what the rule requires. */
  public static ContractViolation valueMismatch(
      Rule rule, Exchange exchange, String at, String expected, String actual) {
    return of(rule, List.of(Finding.value(exchange, at, expected, actual)));
  }

  /** Every failed check of one rule, reported together under a count header. */
  public static ContractViolation of(Rule rule, List<Finding> findings) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a violation needs at least one finding");
    }
    StringBuilder message = new StringBuilder(rule.headline());
    if (findings.size() > 1) {
      message.append('\n').append("  ").append(findings.size()).append(" checks failed");
      if (findings.size() > SHOWN) {
        message.append(" (the first ").append(SHOWN).append(" shown)");
      }
    }
    for (Finding finding : findings.subList(0, Math.min(SHOWN, findings.size()))) {
      message.append('\n');
      for (String line : finding.lines()) {
        message.append('\n').append(line);
      }
    }
    Finding first = findings.get(0);
    return new ContractViolation(rule, message.toString(), first.expected(), first.actual());
  }
}
