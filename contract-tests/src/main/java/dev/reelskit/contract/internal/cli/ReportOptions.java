package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the run's reports go. */
final class ReportOptions {

  @Option(
      names = "--reports-dir",
      paramLabel = "DIR",
      description = "Where JUnit XML is written. Default: contract-reports.")
  Path reportsDir;

  void applyTo(ContractTestSettings.Builder b) {
    if (reportsDir != null) {
      b.reportsDir(reportsDir);
    }
  }
}
