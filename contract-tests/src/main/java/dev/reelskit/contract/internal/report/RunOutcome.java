package dev.reelskit.contract.internal.report;

import dev.reelskit.contract.rules.ContractConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Collects how every test ended and turns it into the documented exit code. */
public final class RunOutcome implements TestExecutionListener {

  /** Every rule holds. */
  public static final int OK = 0;

  /** A rule failed. */
  public static final int RULE_FAILED = 1;

  /** Nothing could run: unreachable server, no tests, unreadable spec. */
  public static final int NOTHING_RAN = 2;

  /** Bad usage. */
  public static final int USAGE = 64;

  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<RuleResult> results = new ArrayList<>();
  private final List<Throwable> containerFailures = new ArrayList<>();

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      results.add(new RuleResult(id.getDisplayName(), RuleResult.Status.SKIPPED, 0, reason, null));
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Throwable thrown = result.getThrowable().orElse(null);
    if (!id.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED && thrown != null) {
        containerFailures.add(thrown);
      }
      return;
    }
    long millis =
        (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
    RuleResult.Status status =
        switch (result.getStatus()) {
          case SUCCESSFUL -> RuleResult.Status.PASSED;
          case ABORTED -> RuleResult.Status.SKIPPED;
          case FAILED -> RuleResult.Status.FAILED;
        };
    results.add(
        new RuleResult(
            id.getDisplayName(),
            status,
            millis,
            thrown == null ? null : thrown.getMessage(),
            thrown));
  }

  public synchronized List<RuleResult> results() {
    return List.copyOf(results);
  }

  public synchronized List<Throwable> containerFailures() {
    return List.copyOf(containerFailures);
  }

  /** 0 all rules hold, 1 a rule failed, 2 nothing could be judged. */
  public synchronized int exitCode() {
    List<Throwable> failures = new ArrayList<>(containerFailures);
    results.stream()
        .filter(r -> r.status() == RuleResult.Status.FAILED)
        .forEach(r -> failures.add(r.failure()));
    if (failures.isEmpty()) {
      boolean anyRan = results.stream().anyMatch(r -> r.status() == RuleResult.Status.PASSED);
      return anyRan ? OK : NOTHING_RAN;
    }
    boolean ruleFailed =
        failures.stream().anyMatch(t -> !(t instanceof ContractConfigurationException));
    return ruleFailed ? RULE_FAILED : NOTHING_RAN;
  }
}
