package dev.reelskit.mock.jobs;

import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;

/**
 * How long a job stays in each unfinished state, in mock time, and how many polls each state must
 * be shown to before the job moves on. A job moves on only when both are satisfied.
 *
 * @param pending time spent pending; null means held there until forced
 * @param processing time spent processing; null means held there until forced
 * @param minPollsPerState polls each unfinished state is shown to before the job moves on
 */
public record JobTiming(Duration pending, Duration processing, int minPollsPerState) {

  /** Never moves on its own: used for seeded jobs that a UI wants to see in one state. */
  public static final JobTiming HELD = new JobTiming(null, null, 0);

  /** The time to spend in {@code status}, null when held or terminal. */
  public Duration durationOf(JobStatus status) {
    return switch (status) {
      case PENDING -> pending;
      case PROCESSING -> processing;
      default -> null;
    };
  }
}
