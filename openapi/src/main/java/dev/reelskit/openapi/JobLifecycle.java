package dev.reelskit.openapi;

import dev.reelskit.openapi.model.JobStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The documented status graph: {@code pending -> processing -> done} and {@code processing ->
 * error}; {@code done} and {@code error} are terminal.
 *
 * <p>The spec states the graph in {@code JobStatus}'s description, where OpenAPI has no construct
 * for it; this class is its one executable form.
 */
public final class JobLifecycle {

  // Values are EnumSets so that next() can copy them even when empty.
  private static final Map<JobStatus, EnumSet<JobStatus>> NEXT =
      Map.of(
          JobStatus.PENDING, EnumSet.of(JobStatus.PROCESSING),
          JobStatus.PROCESSING, EnumSet.of(JobStatus.DONE, JobStatus.ERROR),
          JobStatus.DONE, EnumSet.noneOf(JobStatus.class),
          JobStatus.ERROR, EnumSet.noneOf(JobStatus.class));

  private JobLifecycle() {}

  /** Whether the status never changes again. */
  public static boolean isTerminal(JobStatus status) {
    return NEXT.get(status).isEmpty();
  }

  /** The statuses one documented step away. */
  public static Set<JobStatus> next(JobStatus status) {
    return EnumSet.copyOf(NEXT.get(status));
  }

  /**
   * Whether {@code to} can be observed after {@code from}: the same status, or any status reachable
   * by one or more documented steps (a poller may miss intermediate states).
   */
  public static boolean canFollow(JobStatus from, JobStatus to) {
    if (from == to) {
      return true;
    }
    for (JobStatus step : NEXT.get(from)) {
      if (canFollow(step, to)) {
        return true;
      }
    }
    return false;
  }
}
