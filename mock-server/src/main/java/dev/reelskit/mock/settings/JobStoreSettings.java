package dev.reelskit.mock.settings;

import java.nio.file.Path;

/**
 * Where the mock keeps its jobs, who may see them and how many it keeps.
 *
 * @param stateFile the SQLite file jobs survive restarts in; null keeps them in memory only and
 *     writes nothing to disk
 * @param isolateTokens a job is visible only to the token that created it (others get 404), each
 *     token is a tenant with its own clock, pins and cap, and ids are drawn at random; seeded jobs
 *     stay visible to every token
 * @param maxJobs the most jobs kept in all; past it the tenant holding the most jobs loses its
 *     oldest finished job
 * @param maxJobsPerTenant the most jobs one tenant keeps; past it that tenant's own oldest finished
 *     job goes
 */
public record JobStoreSettings(
    Path stateFile, boolean isolateTokens, int maxJobs, int maxJobsPerTenant) {

  /** Enough for a team's long day (~0.3 KB of heap and ~0.3 KB of disk per job). */
  public static final int DEFAULT_MAX_JOBS = 100_000;

  public JobStoreSettings {
    if (maxJobs < 1) {
      throw new IllegalArgumentException("max-jobs must be at least 1, was " + maxJobs);
    }
    if (maxJobsPerTenant < 1) {
      throw new IllegalArgumentException(
          "max-jobs-per-tenant must be at least 1, was " + maxJobsPerTenant);
    }
  }

  /** One cap for the whole mock and for each tenant. */
  public JobStoreSettings(Path stateFile, boolean isolateTokens, int maxJobs) {
    this(stateFile, isolateTokens, maxJobs, maxJobs);
  }

  /** In memory, every token sees every job, at most {@link #DEFAULT_MAX_JOBS}. */
  public static JobStoreSettings defaults() {
    return new JobStoreSettings(null, false, DEFAULT_MAX_JOBS);
  }

  public JobStoreSettings withStateFile(Path file) {
    return new JobStoreSettings(file, isolateTokens, maxJobs, maxJobsPerTenant);
  }

  public JobStoreSettings withIsolatedTokens(boolean on) {
    return new JobStoreSettings(stateFile, on, maxJobs, maxJobsPerTenant);
  }

  /** The cap in all; a per-tenant cap that was the same follows it. */
  public JobStoreSettings withMaxJobs(int max) {
    return new JobStoreSettings(
        stateFile, isolateTokens, max, maxJobsPerTenant == maxJobs ? max : maxJobsPerTenant);
  }

  public JobStoreSettings withMaxJobsPerTenant(int max) {
    return new JobStoreSettings(stateFile, isolateTokens, maxJobs, max);
  }
}
