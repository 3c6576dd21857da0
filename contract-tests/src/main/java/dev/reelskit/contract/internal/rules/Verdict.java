package dev.reelskit.contract.internal.rules;

import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Evidence;
import dev.reelskit.contract.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/** Collects the findings of one rule and turns them into a pass, a violation or a skip. */
public final class Verdict {

  private final Rule rule;
  private final List<Finding> findings = new ArrayList<>();
  private int checks;

  private Verdict(Rule rule) {
    this.rule = rule;
  }

  public static Verdict of(Rule rule) {
    return new Verdict(rule);
  }

  /**
   * Counts one piece of evidence examined; a rule that examined nothing is skipped, never passed.
   */
  public Verdict checked() {
    checks++;
    return this;
  }

  public Verdict fail(Finding finding) {
    checks++;
    findings.add(finding);
    return this;
  }

  public Verdict check(boolean holds, Finding finding) {
    return holds ? checked() : fail(finding);
  }

  /** Enough to see a pattern; a hundred copies of one failure help nobody. */
  static final int SHOWN = 5;

  /** Every failed check of one rule, reported together under a count header. */
  public static ContractViolation violation(Rule rule, List<Finding> findings) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a violation needs at least one finding");
    }
    StringBuilder message = new StringBuilder();
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
    List<Evidence> seen =
        findings.stream()
            .map(Finding::exchange)
            .filter(e -> e != null)
            .map(e -> new Evidence(e.method(), e.url(), e.atMillis()))
            .toList();
    return ContractViolation.of(rule, message.toString(), first.expected(), first.actual(), seen);
  }

  /**
   * Throws a {@link ContractViolation} for any finding; aborts (skips) the rule with {@code
   * reasonWhenNothingChecked} when no evidence was examined.
   */
  public void conclude(String reasonWhenNothingChecked) {
    if (!findings.isEmpty()) {
      throw violation(rule, findings);
    }
    if (checks == 0) {
      throw new TestAbortedException(rule.id() + " skipped: " + reasonWhenNothingChecked);
    }
  }
}
