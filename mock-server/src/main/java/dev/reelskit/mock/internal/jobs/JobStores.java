package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.JobStoreSettings;
import dev.reelskit.mock.MockServerSettings;
import dev.reelskit.mock.jobs.MockClock;

/** Builds the job store a mock's settings ask for: in memory, or restored from a state file. */
public final class JobStores {

  private JobStores() {}

  /**
   * The store, seeded, restored and with its journal started.
   *
   * @throws StateFileException when the state file cannot be used (it is left unchanged)
   */
  public static JobStore open(MockServerSettings settings, MockClock clock) {
    JobStoreSettings s = settings.jobStore();
    SqliteJournal file = s.stateFile() == null ? null : SqliteJournal.open(s.stateFile());
    JobStore jobs = new JobStore(clock, settings.profile(), settings.seed(),
        SeedJobs.FIRST_NEW_ID, s.maxJobs(), file == null ? JobJournal.NONE : file);
    if (settings.seedJobs()) {
      SeedJobs.addTo(jobs); // a seeded job the state file holds is replaced by its stored state
    }
    if (file != null) {
      jobs.restore(file.loaded());
    }
    jobs.startJournal();
    return jobs;
  }
}
