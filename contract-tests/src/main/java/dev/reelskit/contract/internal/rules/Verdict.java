package dev.reelskit.contract.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.contract.rules.ContractViolation;

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

  /** Counts one piece of evidence examined; a rule that examined nothing is skipped, never passed. */
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

  /**
   * Throws a {@link ContractViolation} for any finding; aborts (skips) the rule with {@code
   * reasonWhenNothingChecked} when no evidence was examined.
   */
  public void conclude(String reasonWhenNothingChecked) {
    if (!findings.isEmpty()) {
      throw ContractViolation.of(rule, findings);
    }
    if (checks == 0) {
      throw new TestAbortedException(rule.id() + " skipped: " + reasonWhenNothingChecked);
    }
  }
}
