package dev.reelskit.mock.internal.extension;

import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.security.BoundedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The documented limits, per token and in mock time: at most {@code requestsPerMinute} requests in
 * any sliding minute, and at most {@code maxUnfinishedJobs} jobs not yet done or failed. Refused
 * requests do not count against the budget.
 */
final class RateLimiter {

  static final Duration WINDOW = Duration.ofMinutes(1);

  /** Retry-After for too many jobs when no job finishes on time alone (poll-driven profiles). */
  static final Duration POLL_DRIVEN_WAIT = Duration.ofSeconds(5);

  private final int requestsPerMinute;
  private final int maxUnfinishedJobs;
  private final JobStore jobs;

  /** Tokens are peer input (any ist_ token is valid by default): the table is bounded. */
  static final int MAX_TOKENS = 10_000;

  private final BoundedTable<String, Budget> budgets = new BoundedTable<>(MAX_TOKENS);

  RateLimiter(int requestsPerMinute, int maxUnfinishedJobs, JobStore jobs) {
    this.requestsPerMinute = requestsPerMinute;
    this.maxUnfinishedJobs = maxUnfinishedJobs;
    this.jobs = jobs;
  }

  /**
   * The limits as {@code X-Reels-Limits} announces them, the window in wall seconds (a time scale
   * shrinks it): {@code requests=10;window=60;unfinished-jobs=3}.
   */
  String announcement() {
    return "requests="
        + requestsPerMinute
        + ";window="
        + wallSecondsFor(WINDOW)
        + ";unfinished-jobs="
        + maxUnfinishedJobs;
  }

  /** A mock-time wait as whole real seconds for {@code Retry-After} (rounded up, at least 1). */
  long wallSecondsFor(Duration wait) {
    return jobs.clock().wallSecondsFor(wait);
  }

  /** Admits one request, or answers how long (mock time) until one would be admitted. */
  Duration admitRequest(String token, Instant now) {
    Budget budget = budgets.get(token, t -> new Budget());
    synchronized (budget) {
      Instant windowStart = now.minus(WINDOW);
      while (!budget.requests.isEmpty() && !budget.requests.peekFirst().isAfter(windowStart)) {
        budget.requests.removeFirst();
      }
      if (budget.requests.size() >= requestsPerMinute) {
        return Duration.between(now, budget.requests.peekFirst().plus(WINDOW));
      }
      budget.requests.addLast(now);
      return null;
    }
  }

  /** Null when the token may start one more job, else how long (mock time) it should wait. */
  Duration admitJob(String token, Instant now) {
    Budget budget = budgets.get(token, t -> new Budget());
    synchronized (budget) {
      budget.jobIds.removeIf(id -> !jobs.isUnfinished(id));
      if (budget.jobIds.size() < maxUnfinishedJobs) {
        return null;
      }
      Duration soonest = null;
      for (long id : budget.jobIds) {
        Duration wait = jobs.untilFinished(id).orElse(null);
        if (wait != null) {
          soonest = soonest == null || wait.compareTo(soonest) < 0 ? wait : soonest;
        }
      }
      return soonest == null ? POLL_DRIVEN_WAIT : soonest;
    }
  }

  void jobCreated(String token, long id) {
    Budget budget = budgets.get(token, t -> new Budget());
    synchronized (budget) {
      budget.jobIds.add(id);
    }
  }

  private static final class Budget {
    final Deque<Instant> requests = new ArrayDeque<>();
    final List<Long> jobIds = new ArrayList<>();
  }
}
