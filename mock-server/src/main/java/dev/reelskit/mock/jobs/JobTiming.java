package dev.reelskit.mock.jobs;

import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a job stays in each unfinished state, in mock time, and how many polls each state must
 * be shown to before the job moves on. A job moves on only when both are satisfied.
 *
 * @param pending time spent pending; null means held there until forced
 * @param processing time spent processing; null means held there until forced
 * @param minPollsPerState polls each unfinished state is shown to before the job moves on
 * @param pollHoldLimit how long after creation a state may still wait for its polls; past it the
 *     job moves on by time alone, so a client that polls rarely still sees it end within the
 *     documented 90 s. Null: states wait for their polls however long it takes.
 */
public record JobTiming(
    Duration pending, Duration processing, int minPollsPerState, Duration pollHoldLimit) {

  /** Never moves on its own: used for seeded jobs that a UI wants to see in one state. */
  public static final JobTiming HELD = new JobTiming(null, null, 0);

  /** Timing whose states wait for their polls without limit. */
  public JobTiming(Duration pending, Duration processing, int minPollsPerState) {
    this(pending, processing, minPollsPerState, null);
  }

  /** Whether a state of a job created at {@code createdAt} still waits for polls at {@code now}. */
  public boolean waitsForPolls(Instant createdAt, Instant now) {
    return minPollsPerState > 0
        && (pollHoldLimit == null || now.isBefore(createdAt.plus(pollHoldLimit)));
  }

  /** The time to spend in {@code status}, null when held or terminal. */
  public Duration durationOf(JobStatus status) {
    return switch (status) {
      case PENDING -> pending;
      case PROCESSING -> processing;
      default -> null;
    };
  }
}
