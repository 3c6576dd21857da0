package dev.reelskit.contract.internal.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.launch.LaunchStore;
import dev.reelskit.contract.internal.launch.RunRecord;
import dev.reelskit.contract.internal.report.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the shipped suite through the JUnit Platform Launcher against the given settings, handed to
 * the suite whole through the launcher session's store ({@link LaunchStore}); each launch has its
 * own session, so launches may run side by side.
 */
public final class SuiteLauncher {

  /** The launched suite, package-private in {@code suites}: selected by name. */
  static final String SUITE = "dev.reelskit.contract.suites.LaunchedReelsApiContract";

  private SuiteLauncher() {}

  /** Runs every rule once; {@code outcome} and the other listeners hear of every result. */
  public static RunOutcome launch(
      ContractTestSettings settings, TestExecutionListener... listeners) {
    return launch(settings, new RunOutcome(), new RunRecord(), listeners);
  }

  /**
   * Runs every rule once, recording into {@code outcome} and what the suite observed into {@code
   * record}; listeners do not depend on each other.
   */
  public static RunOutcome launch(
      ContractTestSettings settings,
      RunOutcome outcome,
      RunRecord record,
      TestExecutionListener... listeners) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SUITE)).build();
    List<TestExecutionListener> all = new ArrayList<>(List.of(outcome));
    all.addAll(List.of(listeners));
    try (LauncherSession session = LauncherFactory.openSession()) {
      Namespace namespace = Namespace.create(LaunchStore.NAMESPACE);
      session.getStore().put(namespace, LaunchStore.SETTINGS, settings);
      session.getStore().put(namespace, LaunchStore.RECORD, record);
      session.getLauncher().execute(request, all.toArray(TestExecutionListener[]::new));
    }
    return outcome;
  }
}
