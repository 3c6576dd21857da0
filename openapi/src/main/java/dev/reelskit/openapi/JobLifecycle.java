package dev.reelskit.openapi;

import dev.reelskit.openapi.model.JobStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The packaged spec's job lifecycle ({@code ReelJob}'s {@code x-lifecycle}) over the generated
 * {@link JobStatus} enum: the form the mock's engine, the contract rules and the client rules use.
 *
 * <p>No graph is written here: every answer comes from {@link ReelsApiSpec#lifecycle()}. The spec's
 * states and the enum's values are the same set (the parser rejects a spec where they differ, and
 * the enum is generated from that spec).
 */
public final class JobLifecycle {

  private JobLifecycle() {}

  /** The lifecycle every answer here comes from. */
  public static Lifecycle model() {
    return ReelsApiSpec.get().lifecycle();
  }

  /** The status every job starts in. */
  public static JobStatus initial() {
    return JobStatus.fromValue(model().initial());
  }

  /** Whether the status never changes again. */
  public static boolean isTerminal(JobStatus status) {
    return model().isTerminal(status.getValue());
  }

  /** The statuses one declared step away. */
  public static Set<JobStatus> next(JobStatus status) {
    EnumSet<JobStatus> next = EnumSet.noneOf(JobStatus.class);
    model().next(status.getValue()).forEach(s -> next.add(JobStatus.fromValue(s)));
    return next;
  }

  /**
   * Whether {@code to} can be observed after {@code from}: the same status, or any status reachable
   * by one or more declared steps (a poller may miss intermediate states).
   */
  public static boolean canFollow(JobStatus from, JobStatus to) {
    return model().canFollow(from.getValue(), to.getValue());
  }

  /** Whether the job's {@code error} is a (non-empty) reason in this status, null otherwise. */
  public static boolean setsError(JobStatus status) {
    return model().sets(status.getValue(), "error");
  }

  /** Whether the job's {@code result} is the analysis in this status, null otherwise. */
  public static boolean setsResult(JobStatus status) {
    return model().sets(status.getValue(), "result");
  }
}
