package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.settings.MockServerSettings;

/**
 * Starts a mock from resolved settings and hands back the running instance (base URL, traffic,
 * {@code close()}). The serving command and any subcommand that needs a mock (e.g. one that runs a
 * client against it) share this.
 */
final class MockServerRunner {

  private MockServerRunner() {}

  public static ReelsMock start(MockServerSettings settings) {
    return ReelsMock.start(settings);
  }
}
