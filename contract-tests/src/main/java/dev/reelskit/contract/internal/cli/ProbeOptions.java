package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import picocli.CommandLine.Option;

/** The submissions only some servers can answer: the kit mock's magic reels by default. */
final class ProbeOptions {

  @Option(
      names = "--error-reel-url",
      paramLabel = "URL",
      description =
          "A submission the server ends in error; 'none' skips RC-ERR-001. Default: "
              + ContractTestSettings.DEFAULT_ERROR_REEL_URL
              + " (the kit mock's convention).")
  String errorReelUrl;

  @Option(
      names = "--server-error-reel-url",
      paramLabel = "URL",
      description =
          "A submission the server answers with 500; 'none' skips RC-ERR-002. Default: "
              + ContractTestSettings.DEFAULT_SERVER_ERROR_REEL_URL
              + " (the kit mock's convention).")
  String serverErrorReelUrl;

  void applyTo(ContractTestSettings.Builder b) {
    if (errorReelUrl != null) {
      b.errorReelUrl(errorReelUrl);
    }
    if (serverErrorReelUrl != null) {
      b.serverErrorReelUrl(serverErrorReelUrl);
    }
  }
}
