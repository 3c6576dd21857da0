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
 * @param replay a directory the {@code record} command wrote: new jobs replay its recorded
 *     lifecycles instead of the timing profile's; null for none
 */
public record JobStoreSettings(
    Path stateFile, boolean isolateTokens, int maxJobs, int maxJobsPerTenant, Path replay) {

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
    if (replay != null && stateFile != null) {
      throw new IllegalArgumentException(
          "replay and state-file cannot be used together (a replayed job's ending lives in its"
              + " recording, which a state file does not keep)");
    }
  }

  /** One cap for the whole mock and for each tenant. */
  public JobStoreSettings(Path stateFile, boolean isolateTokens, int maxJobs) {
    this(stateFile, isolateTokens, maxJobs, maxJobs, null);
  }

  public JobStoreSettings(
      Path stateFile, boolean isolateTokens, int maxJobs, int maxJobsPerTenant) {
    this(stateFile, isolateTokens, maxJobs, maxJobsPerTenant, null);
  }

  /** In memory, every token sees every job, at most {@link #DEFAULT_MAX_JOBS}. */
  public static JobStoreSettings defaults() {
    return new JobStoreSettings(null, false, DEFAULT_MAX_JOBS);
  }

  public JobStoreSettings withStateFile(Path file) {
    return new JobStoreSettings(file, isolateTokens, maxJobs, maxJobsPerTenant, replay);
  }

  public JobStoreSettings withIsolatedTokens(boolean on) {
    return new JobStoreSettings(stateFile, on, maxJobs, maxJobsPerTenant, replay);
  }

  /** The cap in all; a per-tenant cap that was the same follows it. */
  public JobStoreSettings withMaxJobs(int max) {
    return new JobStoreSettings(
        stateFile,
        isolateTokens,
        max,
        maxJobsPerTenant == maxJobs ? max : maxJobsPerTenant,
        replay);
  }

  public JobStoreSettings withMaxJobsPerTenant(int max) {
    return new JobStoreSettings(stateFile, isolateTokens, maxJobs, max, replay);
  }

  /**
   * New jobs replay the lifecycles recorded in {@code dir} (made by the {@code record} command).
   */
  public JobStoreSettings withReplay(Path dir) {
    return new JobStoreSettings(stateFile, isolateTokens, maxJobs, maxJobsPerTenant, dir);
  }
}
