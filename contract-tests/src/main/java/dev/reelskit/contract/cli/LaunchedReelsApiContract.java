package dev.reelskit.contract.cli;

import dev.reelskit.contract.suites.ReelsApiContract;

/** The suite as the launcher runs it: its settings are the ones {@link SuiteLauncher} was given. */
final class LaunchedReelsApiContract extends ReelsApiContract {

  @Override
  protected ContractTestSettings settings() {
    return SuiteLauncher.current();
  }
}
