package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How much of a server's answer the suite reads before it gives up on it. */
final class SafetyOptions {

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description =
          "The longest the server may take to answer one request, from sending it to the"
              + " last body byte (status line, headers, body). A server that drips or never answers is"
              + " cut off here, the run ends with exit 2. Default: 30s.")
  Duration requestTimeout;

  @Option(
      names = "--max-response-bytes",
      paramLabel = "N",
      description =
          "The most bytes read of one response body; a larger one ends the run"
              + " (\"response larger than N bytes\"). Default: 2097152 (2 MiB).")
  Long maxResponseBytes;

  void applyTo(ContractTestSettings.Builder b) {
    if (requestTimeout != null) {
      b.requestTimeout(requestTimeout);
    }
    if (maxResponseBytes != null) {
      b.maxResponseBytes(maxResponseBytes);
    }
  }
}
