package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.JobStoreSettings;
import java.nio.file.Path;

/** Builds the job store a mock's settings ask for: in memory, or restored from a state file. */
public final class JobStores {

  private JobStores() {}

  /**
   * The store the settings describe (caps, tenants walled in or not), seeded, restored and with its
   * journal started; {@code plans} time and end its new jobs.
   *
   * @throws StateFileException when the state file cannot be used (it is left unchanged)
   */
  public static JobStore open(
      JobStoreSettings settings, boolean seedJobs, JobPlans plans, MockClock clock) {
    Path stateFile = settings.stateFile();
    SqliteJournal file = stateFile == null ? null : SqliteJournal.open(stateFile);
    JobStore jobs =
        new JobStore(
            clock,
            plans,
            SeedJobs.FIRST_NEW_ID,
            new JobStore.Limits(
                settings.maxJobs(), settings.maxJobsPerTenant(), settings.isolateTokens()),
            file == null ? JobJournal.NONE : file);
    if (seedJobs) {
      SeedJobs.addTo(jobs); // a seeded job the state file holds is replaced by its stored state
    }
    if (file != null) {
      jobs.restore(file.loaded());
    }
    jobs.startJournal();
    return jobs;
  }
}
