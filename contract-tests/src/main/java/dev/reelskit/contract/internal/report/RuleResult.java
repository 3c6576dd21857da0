package dev.reelskit.contract.internal.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one test (one rule, or one case of a rule) ended.
 *
 * @param detail the failure message or skip reason; null when it passed
 */
public record RuleResult(
    String displayName, Status status, long millis, String detail, Throwable failure) {

  private static final Pattern RULE_ID = Pattern.compile("^(RC-[A-Z]+-\\d{3})\\b");

  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  /** The rule id the test name starts with, or the whole name. */
  public String ruleId() {
    Matcher m = RULE_ID.matcher(displayName);
    return m.find() ? m.group(1) : displayName;
  }
}
