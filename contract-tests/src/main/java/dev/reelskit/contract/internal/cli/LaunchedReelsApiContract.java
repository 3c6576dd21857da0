package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.suites.ReelsApiContract;
import dev.reelskit.contract.cli.ContractTestSettings;

/** The suite as the launcher runs it: its settings are the ones {@link SuiteLauncher} was given. */
final class LaunchedReelsApiContract extends ReelsApiContract {

  @Override
  protected ContractTestSettings settings() {
    return SuiteLauncher.current();
  }
}
