package dev.reelskit.mock.internal.jobs;

import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.ReelAnalysis;

/**
 * How a job ends, decided when it is created. Both an analysis and an error reason are carried so
 * that the admin API can force either terminal state; {@code terminal} says which one the job
 * reaches on its own. Instances are shared by every job with the same outcome.
 *
 * @param name a short label (the spec example or magic code it came from), for logs and the banner
 * @param polls how the job's polls misbehave on the way (magic codes {@code FLAKY}, {@code SLOW})
 */
public record Outcome(
    String name, JobStatus terminal, ReelAnalysis analysis, String error, Polls polls) {

  /** How the polls of a job misbehave while it runs. */
  public enum Polls {
    /** Every poll is answered at once. */
    NORMAL,
    /** Every {@code n}th poll answers 500 with the documented body; the job still finishes. */
    FLAKY,
    /** Every poll takes seconds to answer. */
    SLOW
  }

  /** The same ending, with polls that misbehave. */
  public Outcome withPolls(String newName, Polls how) {
    return new Outcome(newName, terminal, analysis, error, how);
  }
}
