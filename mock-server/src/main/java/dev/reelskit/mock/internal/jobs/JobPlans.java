package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.mock.jobs.TimingProfile;

/**
 * How a new job will run: its timing and how it ends. A pure function of the job's id and URL, so
 * runs repeat: a timing profile with the magic reel codes, or a recorded lifecycle replayed.
 */
public interface JobPlans {

  /** The timing of job {@code id}. */
  JobTiming timingFor(long id);

  /** How job {@code id}, submitted for {@code url}, ends. */
  Outcome outcomeFor(long id, String url);

  /** A timing profile drawn with {@code seed}; the URL's magic code decides the ending. */
  static JobPlans of(TimingProfile profile, long seed) {
    return new JobPlans() {
      @Override
      public JobTiming timingFor(long id) {
        return profile.timingFor(id, seed);
      }

      @Override
      public Outcome outcomeFor(long id, String url) {
        return Outcomes.forUrl(url);
      }
    };
  }
}
