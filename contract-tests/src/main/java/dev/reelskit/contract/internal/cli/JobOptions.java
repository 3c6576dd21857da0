package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a job may take, and how long the suite keeps reading it once it has ended. */
final class JobOptions {

  @Option(
      names = "--job-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description = "How long a job may take to reach done or error. Default: 120s.")
  Duration jobTimeout;

  @Option(
      names = "--terminal-repolls",
      paramLabel = "N",
      description = "Polls after done/error that must show the same job (at least 2). Default: 2.")
  Integer terminalRepolls;

  void applyTo(ContractTestSettings.Builder b) {
    if (jobTimeout != null) {
      b.jobTimeout(jobTimeout);
    }
    if (terminalRepolls != null) {
      b.terminalRepolls(terminalRepolls);
    }
  }
}
