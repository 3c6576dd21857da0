package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.suites.ReelsApiContract;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The suite as the launcher runs it: its settings are the launch's configuration parameters. */
@ExtendWith(LaunchedReelsApiContract.Settings.class)
final class LaunchedReelsApiContract extends ReelsApiContract {

  private ContractTestSettings settings;

  @Override
  protected ContractTestSettings settings() {
    if (settings == null) {
      throw new IllegalStateException("the suite was not started by SuiteLauncher");
    }
    return settings;
  }

  /** Hands the launch's configuration parameters to the instance before any group's setup. */
  static final class Settings implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getTestInstance()
          .filter(LaunchedReelsApiContract.class::isInstance)
          .map(LaunchedReelsApiContract.class::cast)
          .ifPresent(
              suite -> suite.settings = LaunchParameters.read(context::getConfigurationParameter));
    }
  }
}
