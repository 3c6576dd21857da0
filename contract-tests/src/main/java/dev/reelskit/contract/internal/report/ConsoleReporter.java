package dev.reelskit.contract.internal.report;

import java.io.PrintStream;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints each rule as it is judged, with its evidence when it fails, and a summary table at the
 * end. It keeps its own record of results, so it works beside any other listener in any order.
 */
public final class ConsoleReporter implements TestExecutionListener {

  private final PrintStream out;
  private final RunOutcome outcome = new RunOutcome();
  private int printed;

  public ConsoleReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void executionStarted(org.junit.platform.launcher.TestIdentifier id) {
    outcome.executionStarted(id);
  }

  @Override
  public void executionFinished(
      org.junit.platform.launcher.TestIdentifier id,
      org.junit.platform.engine.TestExecutionResult result) {
    outcome.executionFinished(id, result);
    printNew();
  }

  @Override
  public void executionSkipped(org.junit.platform.launcher.TestIdentifier id, String reason) {
    outcome.executionSkipped(id, reason);
    printNew();
  }

  private synchronized void printNew() {
    List<RuleResult> results = outcome.results();
    for (RuleResult r : results.subList(printed, results.size())) {
      out.printf("%-5s %s%n", label(r.status()), r.displayName());
      if (r.detail() != null) {
        out.println(indent(r.detail()));
      }
    }
    printed = results.size();
    out.flush();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    printNew();
    List<RuleResult> results = outcome.results();
    out.println();
    out.println("Summary");
    out.printf("  %-14s %-7s %8s%n", "rule", "result", "time");
    for (RuleResult r : results) {
      out.printf("  %-14s %-7s %6d ms%n", r.ruleId(), label(r.status()), r.millis());
    }
    long failed = results.stream().filter(r -> r.status() == RuleResult.Status.FAILED).count();
    long skipped = results.stream().filter(r -> r.status() == RuleResult.Status.SKIPPED).count();
    out.printf(
        "  %d checks: %d passed, %d failed, %d skipped%n",
        results.size(), results.size() - failed - skipped, failed, skipped);
    // One setup failure fails every group with the same exception: say it once, on one line.
    outcome.containerFailures().stream()
        .map(t -> String.valueOf(t.getMessage()).lines().findFirst().orElse(""))
        .distinct()
        .forEach(line -> out.println("ERROR " + line));
    out.flush();
  }

  private static String label(RuleResult.Status status) {
    return switch (status) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case SKIPPED -> "SKIP";
    };
  }

  private static String indent(String text) {
    return text.lines()
        .map(l -> "    " + l)
        .reduce((a, b) -> a + System.lineSeparator() + b)
        .orElse("");
  }
}
