package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.MockServerSettings;
import picocli.CommandLine.Option;

/** The mock's clock and seed, shared by the serving mock and {@code check-client}. */
final class TimingOptions {

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "seed for realistic timings and latency (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--time-scale",
      paramLabel = "X",
      defaultValue = "1",
      description = "mock seconds per real second, e.g. 10 (default: ${DEFAULT-VALUE})")
  double timeScale;

  void applyTo(MockServerSettings.Builder b) {
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException(
          "time-scale must be greater than 0, was '" + timeScale + "'");
    }
    b.seed(seed).timeScale(timeScale);
  }
}
