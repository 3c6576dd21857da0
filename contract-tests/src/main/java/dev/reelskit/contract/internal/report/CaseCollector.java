package dev.reelskit.contract.internal.report;

import dev.reelskit.contract.internal.http.Masker;
import dev.reelskit.contract.rules.ContractConfigurationException;
import dev.reelskit.contract.rules.ContractViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the JUnit run into {@link Case}s named by rule: a dynamic test (one case of a rule) is
 * named by its rule's id and title with the case in brackets, and a plan that could not be sent
 * becomes one {@code RC-SETUP} case. Every text passes the masker once more.
 */
public final class CaseCollector implements TestExecutionListener {

  private static final Pattern RULE_ID = Pattern.compile("^(RC-([A-Z]+)-\\d{3})\\b ?(.*)$");

  private final Masker masker;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<Case> cases = new ArrayList<>();
  private final Set<String> setupFailures = new LinkedHashSet<>();
  private TestPlan plan;

  public CaseCollector(Masker masker) {
    this.masker = masker;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      cases.add(build(id, Case.Status.SKIPPED, 0, reason, null));
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Throwable thrown = result.getThrowable().orElse(null);
    if (!id.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED && thrown != null) {
        setupFailures.add(masker.text(String.valueOf(thrown.getMessage())));
      }
      return;
    }
    long millis =
        (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
    Case.Status status =
        switch (result.getStatus()) {
          case SUCCESSFUL -> Case.Status.PASSED;
          case ABORTED -> Case.Status.SKIPPED;
          case FAILED -> Case.Status.FAILED;
        };
    cases.add(build(id, status, millis, thrown == null ? null : thrown.getMessage(), thrown));
  }

  private Case build(
      TestIdentifier id, Case.Status status, long millis, String detail, Throwable thrown) {
    String own = id.getDisplayName();
    String name = own;
    if (isDynamic(id) && plan != null) {
      String parent = plan.getParent(id).map(TestIdentifier::getDisplayName).orElse("");
      Matcher child = RULE_ID.matcher(own);
      Matcher rule = RULE_ID.matcher(parent);
      if (child.matches() && rule.matches() && child.group(1).equals(rule.group(1))) {
        name = parent + " [" + child.group(3) + "]";
      }
    }
    Matcher m = RULE_ID.matcher(name);
    String ruleId = m.matches() ? m.group(1) : name;
    String family = m.matches() ? "RC-" + m.group(2) : "RC-OTHER";
    return new Case(
        family,
        ruleId,
        masker.text(name),
        status,
        millis,
        detail == null ? null : masker.text(detail),
        thrown instanceof ContractConfigurationException,
        thrown instanceof ContractViolation v ? v.evidence() : List.of());
  }

  private static boolean isDynamic(TestIdentifier id) {
    List<UniqueId.Segment> segments = UniqueId.parse(id.getUniqueId()).getSegments();
    return segments.get(segments.size() - 1).getType().equals("dynamic-test");
  }

  /** Every case in the order run, a failed setup first as one {@code RC-SETUP} case. */
  public synchronized List<Case> cases() {
    List<Case> all = new ArrayList<>();
    for (String failure : setupFailures) {
      all.add(
          new Case(
              "RC-SETUP",
              "RC-SETUP",
              "RC-SETUP The suite could not send its plan",
              Case.Status.FAILED,
              0,
              failure,
              true,
              List.of()));
    }
    all.addAll(cases);
    return all;
  }
}
