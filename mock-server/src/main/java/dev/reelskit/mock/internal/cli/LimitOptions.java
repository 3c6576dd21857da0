package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.MockServerSettings;
import picocli.CommandLine.Option;

/** The documented limits the mock emulates (and {@code check-client} judges). */
final class LimitOptions {

  @Option(
      names = "--rate-limit-requests",
      paramLabel = "N",
      defaultValue = "10",
      description = "requests per token in any 60 s (default: ${DEFAULT-VALUE}, as documented)")
  int rateLimitRequests;

  @Option(
      names = "--max-unfinished-jobs",
      paramLabel = "N",
      defaultValue = "3",
      description = "unfinished jobs per token (default: ${DEFAULT-VALUE}, as documented)")
  int maxUnfinishedJobs;

  void applyTo(MockServerSettings.Builder b) {
    b.limits(rateLimitRequests, maxUnfinishedJobs);
  }
}
