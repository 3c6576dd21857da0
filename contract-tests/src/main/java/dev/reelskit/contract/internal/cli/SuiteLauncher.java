package dev.reelskit.contract.internal.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reelskit.contract.internal.report.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import dev.reelskit.contract.cli.ContractTestSettings;

/** Runs the shipped suite through the JUnit Platform Launcher against the given settings. */
public final class SuiteLauncher {

  private static volatile ContractTestSettings current;

  private SuiteLauncher() {}

  static ContractTestSettings current() {
    ContractTestSettings s = current;
    if (s == null) {
      throw new IllegalStateException("the suite was not started by SuiteLauncher");
    }
    return s;
  }

  /** Runs every rule once; one launch at a time per JVM. */
  public static RunOutcome launch(ContractTestSettings settings, TestExecutionListener... listeners) {
    return launch(settings, new RunOutcome(), listeners);
  }

  /** Runs every rule once, recording into {@code outcome} before the other listeners hear of it. */
  public static synchronized RunOutcome launch(
      ContractTestSettings settings, RunOutcome outcome, TestExecutionListener... listeners) {
    current = settings;
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(LaunchedReelsApiContract.class))
              .build();
      Launcher launcher = LauncherFactory.create();
      List<TestExecutionListener> all = new ArrayList<>(List.of(outcome));
      all.addAll(List.of(listeners));
      launcher.execute(request, all.toArray(TestExecutionListener[]::new));
      return outcome;
    } finally {
      current = null;
    }
  }
}
