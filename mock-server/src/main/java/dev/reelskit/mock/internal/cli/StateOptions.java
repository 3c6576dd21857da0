package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.JobStoreSettings;
import dev.reelskit.mock.settings.MockServerSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where jobs are kept (memory or a state file), who sees them, and how many are kept. */
final class StateOptions {

  @Option(
      names = "--state-file",
      paramLabel = "FILE",
      description =
          "keep jobs in this SQLite file across restarts and crashes (default: memory"
              + " only, nothing written to disk)")
  Path stateFile;

  @Option(
      names = "--isolate-tokens",
      description =
          "a job is visible only to the token that created it (others get 404);"
              + " seeded jobs stay visible to all")
  boolean isolateTokens;

  @Option(
      names = "--max-jobs",
      paramLabel = "N",
      defaultValue = "100000",
      description =
          "jobs kept; past it the oldest finished jobs are evicted first"
              + " (default: ${DEFAULT-VALUE})")
  int maxJobs;

  @Option(
      names = "--max-jobs-per-tenant",
      paramLabel = "N",
      description =
          "jobs one tenant keeps (a token with --isolate-tokens, or a named tenant); past it"
              + " its own oldest finished job goes (default: the --max-jobs value)")
  Integer maxJobsPerTenant;

  @Option(
      names = "--replay",
      paramLabel = "DIR",
      description =
          "new jobs replay the lifecycles the record command wrote to DIR (state durations,"
              + " results, error texts) instead of --profile; --time-scale speeds them up")
  Path replay;

  void applyTo(MockServerSettings.Builder b) {
    b.jobStore(
        new JobStoreSettings(
            stateFile,
            isolateTokens,
            maxJobs,
            maxJobsPerTenant == null ? maxJobs : maxJobsPerTenant,
            replay));
  }
}
