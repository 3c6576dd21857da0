package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.launch.LaunchStore;
import dev.reelskit.contract.internal.launch.RunRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite as the launcher runs it: its settings are the object the launcher put in the launcher
 * session's store, taken whole; what it observed goes back into the store's {@link RunRecord}.
 */
@ExtendWith(LaunchedReelsApiContract.Settings.class)
final class LaunchedReelsApiContract extends ReelsApiContract {

  private ContractTestSettings settings;

  @Override
  protected ContractTestSettings settings() {
    if (settings == null) {
      throw new IllegalStateException("the suite was not started by the launcher");
    }
    return settings;
  }

  /** Hands the launch's settings in before any group's setup, and the observations out after. */
  static final class Settings implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getTestInstance()
          .filter(LaunchedReelsApiContract.class::isInstance)
          .map(LaunchedReelsApiContract.class::cast)
          .ifPresent(suite -> suite.settings = LaunchStore.settings(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
      RunRecord record = LaunchStore.record(context);
      context
          .getTestInstance()
          .filter(LaunchedReelsApiContract.class::isInstance)
          .map(LaunchedReelsApiContract.class::cast)
          .map(ReelsApiContract::observed)
          .filter(run -> record != null)
          .ifPresent(
              run ->
                  record.observed(
                      RunTimeline.lanes(run),
                      run.exchanges().size(),
                      run.elapsedMillis(),
                      run.serverVersions()));
    }
  }
}
