package dev.reelskit.mock.conformance;

/** How much a broken rule weighs in a verdict: the weight the docs give what it checks. */
public enum Severity {
  /** The docs state it as how the API works: a violation fails the check. */
  REQUIRED,
  /**
   * The docs recommend it (the errors page's retry advice): a violation is reported as advice and
   * never fails the check.
   */
  ADVICE
}
