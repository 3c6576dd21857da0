package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line as typed: raw strings, null when absent, so {@link SettingsResolver} can apply
 * the precedence CLI flag > {@code -Dreels.*} property > {@code REELS_*} variable > default. There
 * is deliberately no flag for either token: flags leak into {@code ps} and shell history.
 */
@Command(
    name = "reels-contract-tests",
    mixinStandardHelpOptions = true,
    versionProvider = CliOptions.Version.class,
    sortOptions = false,
    description = {
      "Checks that a Reels API server keeps every documented rule.",
      "The token comes from the environment variable REELS_TOKEN or from --token-file; a token"
          + " without permission (for RC-AUTH-007) from REELS_FORBIDDEN_TOKEN or --forbidden-token-file.",
      "Every option can also be set as -Dreels.<option> or REELS_<OPTION> (e.g. REELS_BASE_URL).",
      "Exit codes: 0 every rule holds, 1 a rule failed, 2 nothing could run, 64 bad usage."
    })
final class CliOptions {

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The server to check, e.g. http://127.0.0.1:8089. Required.")
  String baseUrl;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "A file holding the Bearer token (first line). Default: the variable REELS_TOKEN.")
  String tokenFile;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      description = "Time between two polls of one job, e.g. 5s, 500ms. Default: 5s.")
  String pollInterval;

  @Option(
      names = "--job-timeout",
      paramLabel = "DURATION",
      description = "How long a job may take to reach done or error. Default: 120s.")
  String jobTimeout;

  @Option(
      names = "--terminal-repolls",
      paramLabel = "N",
      description = "Polls after done/error that must show the same job (at least 2). Default: 2.")
  String terminalRepolls;

  @Option(
      names = "--rate-limit",
      paramLabel = "N[/DURATION]",
      description =
          "Request budget per token: 10 means 10 a minute; 5/2s is also accepted. Default: 10/1m.")
  String rateLimit;

  @Option(
      names = "--max-unfinished-jobs",
      paramLabel = "N",
      description = "Jobs that may be pending or processing at once. Default: 3.")
  String maxUnfinishedJobs;

  @Option(
      names = "--error-reel-url",
      paramLabel = "URL",
      description =
          "A submission the server ends in error; 'none' skips RC-ERR-001."
              + " Default: "
              + ContractTestSettings.DEFAULT_ERROR_REEL_URL
              + " (the kit mock's convention).")
  String errorReelUrl;

  @Option(
      names = "--server-error-reel-url",
      paramLabel = "URL",
      description =
          "A submission the server answers with 500; 'none' skips RC-ERR-002."
              + " Default: "
              + ContractTestSettings.DEFAULT_SERVER_ERROR_REEL_URL
              + " (the kit mock's convention).")
  String serverErrorReelUrl;

  @Option(
      names = "--unknown-token",
      paramLabel = "TOKEN",
      description =
          "A well-formed token the server does not know (revoked, made up); not a secret."
              + " Default: none, and RC-AUTH-004 is skipped.")
  String unknownToken;

  @Option(
      names = "--forbidden-token-file",
      paramLabel = "FILE",
      description =
          "A file holding a valid token without the needed permission (first line)."
              + " Default: the variable REELS_FORBIDDEN_TOKEN; without either, RC-AUTH-007 is skipped.")
  String forbiddenTokenFile;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      description =
          "The longest the server may take to answer one request, from sending it to the"
              + " last body byte (status line, headers, body). A server that drips or never answers is"
              + " cut off here, the run ends with exit 2. Default: 30s.")
  String requestTimeout;

  @Option(
      names = "--max-response-bytes",
      paramLabel = "N",
      description =
          "The most bytes read of one response body; a larger one ends the run"
              + " (\"response larger than N bytes\"). Default: 2097152 (2 MiB).")
  String maxResponseBytes;

  @Option(
      names = "--reports-dir",
      paramLabel = "DIR",
      description = "Where JUnit XML is written. Default: contract-reports.")
  String reportsDir;

  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CliOptions.class.getPackage().getImplementationVersion();
      return new String[] {"reels-contract-tests " + (v == null ? "(development)" : v)};
    }
  }
}
