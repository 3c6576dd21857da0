package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import java.nio.file.Path;

/** Builds the job store a mock's settings ask for: in memory, or restored from a state file. */
public final class JobStores {

  private JobStores() {}

  /**
   * The store, seeded, restored and with its journal started.
   *
   * @param stateFile null: in memory only
   * @throws StateFileException when the state file cannot be used (it is left unchanged)
   */
  public static JobStore open(
      Path stateFile,
      int maxJobs,
      boolean seedJobs,
      TimingProfile profile,
      long seed,
      MockClock clock) {
    SqliteJournal file = stateFile == null ? null : SqliteJournal.open(stateFile);
    JobStore jobs =
        new JobStore(
            clock,
            profile,
            seed,
            SeedJobs.FIRST_NEW_ID,
            maxJobs,
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
