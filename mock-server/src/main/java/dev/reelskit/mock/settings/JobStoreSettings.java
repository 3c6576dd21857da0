package dev.reelskit.mock.settings;

import java.nio.file.Path;

/**
 * Where the mock keeps its jobs, who may see them and how many it keeps.
 *
 * @param stateFile the SQLite file jobs survive restarts in; null keeps them in memory only and
 *     writes nothing to disk
 * @param isolateTokens a job is visible only to the token that created it (others get 404); seeded
 *     jobs stay visible to every token
 * @param maxJobs the most jobs kept; past it the oldest finished jobs are evicted first
 */
public record JobStoreSettings(Path stateFile, boolean isolateTokens, int maxJobs) {

  /** Enough for a team's long day (~0.3 KB of heap and ~0.3 KB of disk per job). */
  public static final int DEFAULT_MAX_JOBS = 100_000;

  public JobStoreSettings {
    if (maxJobs < 1) {
      throw new IllegalArgumentException("max-jobs must be at least 1, was " + maxJobs);
    }
  }

  /** In memory, every token sees every job, at most {@link #DEFAULT_MAX_JOBS}. */
  public static JobStoreSettings defaults() {
    return new JobStoreSettings(null, false, DEFAULT_MAX_JOBS);
  }

  public JobStoreSettings withStateFile(Path file) {
    return new JobStoreSettings(file, isolateTokens, maxJobs);
  }

  public JobStoreSettings withIsolatedTokens(boolean on) {
    return new JobStoreSettings(stateFile, on, maxJobs);
  }

  public JobStoreSettings withMaxJobs(int max) {
    return new JobStoreSettings(stateFile, isolateTokens, max);
  }
}
