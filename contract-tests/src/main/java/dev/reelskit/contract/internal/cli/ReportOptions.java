package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the run's reports go. */
final class ReportOptions {

  /** The file GitHub Actions gives each step for its Markdown summary. */
  static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  @Option(
      names = "--reports-dir",
      paramLabel = "DIR",
      description =
          "Where the reports go: JUnit XML (TEST-reels-contract.xml), the HTML report"
              + " (contract-report.html) and the Markdown summary (contract-summary.md)."
              + " Default: contract-reports.")
  Path reportsDir;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description =
          "Also append the Markdown summary to FILE, as CI step summaries want it."
              + " Default: the file GITHUB_STEP_SUMMARY names, when GitHub Actions sets it.")
  Path summary;

  void applyTo(ContractTestSettings.Builder b) {
    if (reportsDir != null) {
      b.reportsDir(reportsDir);
    }
  }

  /** The step summary to append to, or null: --summary, else GITHUB_STEP_SUMMARY. */
  Path summaryFile(Map<String, String> env) {
    if (summary != null) {
      return summary;
    }
    String github = env.get(GITHUB_STEP_SUMMARY);
    return github == null || github.isBlank() ? null : Path.of(github.trim());
  }
}
