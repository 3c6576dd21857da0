package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One analysis job: what was decided at creation (id, url, outcome, timing) plus its observed
 * state. Immutable; the store swaps whole instances under a per-key compute, so a job's state is
 * always a pure function of the clock, the polls it has seen and its outcome.
 *
 * @param initial the state a reset returns to (the lifecycle's initial state, or the seeded state)
 * @param owner the fingerprint of the token that created it, null for seeded jobs
 * @param since when the current status was entered, on its tenant's clock
 * @param pollsInState how many polls have been shown the current status
 * @param pinned the state the job is held in until released (admin API, {@code Prefer: state=}, a
 *     tenant's pin); null when it runs. A held job moves by neither time nor polls; one pinned at
 *     creation still starts {@code pending} (the POST's answer) and shows the pinned state from its
 *     first poll on.
 */
public record Job(
    long id,
    String url,
    OffsetDateTime createdAt,
    Outcome outcome,
    JobTiming timing,
    JobStatus initial,
    String owner,
    JobStatus status,
    Instant since,
    int pollsInState,
    JobStatus pinned) {

  /** A job that runs (not pinned): how state files and seeds build one. */
  public Job(
      long id,
      String url,
      OffsetDateTime createdAt,
      Outcome outcome,
      JobTiming timing,
      JobStatus initial,
      String owner,
      JobStatus status,
      Instant since,
      int pollsInState) {
    this(id, url, createdAt, outcome, timing, initial, owner, status, since, pollsInState, null);
  }

  /** The job as it is at {@code now}: moved on through every state whose time and polls are up. */
  public Job advancedTo(Instant now) {
    if (pinned != null) {
      return status == pinned ? this : with(pinned, now, 0);
    }
    JobStatus s = status;
    Instant from = since;
    int polls = pollsInState;
    while (!JobLifecycle.isTerminal(s)) {
      Duration stay = timing.durationOf(s);
      if (stay == null) {
        break;
      }
      Instant leaveAt = from.plus(stay);
      if (now.isBefore(leaveAt)
          || (polls < timing.minPollsPerState()
              && timing.waitsForPolls(createdAt.toInstant(), now))) {
        break;
      }
      s = stepFrom(s);
      from = leaveAt;
      polls = 0;
    }
    return s == status ? this : with(s, from, polls);
  }

  /** The job after one poll at {@code now}: advanced, then counted as shown to one more poll. */
  public Job polledAt(Instant now) {
    Job current = advancedTo(now);
    if (JobLifecycle.isTerminal(current.status) || pinned != null) {
      return current; // terminal jobs never change again, not even their counters; held ones wait
    }
    return current.with(current.status, current.since, current.pollsInState + 1);
  }

  /** Forced into {@code target} at {@code now}; its lifecycle continues from there. */
  public Job forcedTo(JobStatus target, Instant now) {
    return new Job(id, url, createdAt, outcome, timing, initial, owner, target, now, 0, null);
  }

  /** Back in the state it started in at {@code now}, its lifecycle restarting; a pin stays. */
  public Job resetAt(Instant now) {
    return new Job(id, url, createdAt, outcome, timing, initial, owner, initial, now, 0, pinned);
  }

  /** Put in {@code state} at {@code now} and held there until released. */
  public Job pinnedTo(JobStatus state, Instant now) {
    return new Job(id, url, createdAt, outcome, timing, initial, owner, state, now, 0, state);
  }

  /**
   * Released at {@code now}: it goes on from the state it is held in (the pinned state, even when
   * no poll has seen it yet), its timing counted from now. A running job is returned as it is.
   */
  public Job releasedAt(Instant now) {
    if (pinned == null) {
      return this;
    }
    return new Job(id, url, createdAt, outcome, timing, initial, owner, pinned, now, 0, null);
  }

  /**
   * The latest time the job reaches a terminal state with no further poll; null when it never does
   * on its own (held, or its states wait for polls without limit).
   */
  public Instant finishesAt() {
    if (pinned != null) {
      return JobLifecycle.isTerminal(pinned) ? since : null;
    }
    Instant at = since;
    JobStatus s = status;
    while (!JobLifecycle.isTerminal(s)) {
      Duration stay = timing.durationOf(s);
      if (stay == null || (timing.minPollsPerState() > 0 && timing.pollHoldLimit() == null)) {
        return null;
      }
      at = at.plus(stay);
      s = stepFrom(s);
    }
    if (timing.minPollsPerState() > 0) {
      Instant holdEnds = createdAt.toInstant().plus(timing.pollHoldLimit());
      return at.isAfter(holdEnds) ? at : holdEnds;
    }
    return at;
  }

  /**
   * The state the job moves to when it leaves {@code s}, along the spec's declared graph: the first
   * non-terminal successor when there is one (the job is still on its way), otherwise the terminal
   * successor its outcome ends in.
   */
  private JobStatus stepFrom(JobStatus s) {
    Set<JobStatus> next = JobLifecycle.next(s);
    for (JobStatus candidate : next) {
      if (!JobLifecycle.isTerminal(candidate)) {
        return candidate;
      }
    }
    if (next.contains(outcome.terminal())) {
      return outcome.terminal();
    }
    throw new IllegalStateException(
        "the lifecycle declares no way from "
            + s.getValue()
            + " to this job's outcome "
            + outcome.terminal().getValue()
            + ": "
            + next);
  }

  private Job with(JobStatus newStatus, Instant newSince, int newPolls) {
    return new Job(
        id, url, createdAt, outcome, timing, initial, owner, newStatus, newSince, newPolls, pinned);
  }
}
