package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.launch.LaunchStore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite as the launcher runs it: its settings are the object the launcher put in the launcher
 * session's store, taken whole.
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

  /** Hands the launch's settings to the instance before any group's setup. */
  static final class Settings implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getTestInstance()
          .filter(LaunchedReelsApiContract.class::isInstance)
          .map(LaunchedReelsApiContract.class::cast)
          .ifPresent(suite -> suite.settings = LaunchStore.settings(context));
    }
  }
}
