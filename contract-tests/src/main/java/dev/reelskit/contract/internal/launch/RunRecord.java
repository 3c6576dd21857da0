package dev.reelskit.contract.internal.launch;

import dev.reelskit.timeline.Lane;
import java.util.List;
import java.util.Set;

/**
 * What one launched run observed, filled in by the suite once its plan has been sent and read by
 * the launcher's reports: a timeline lane per job the suite followed (and one for its probes), the
 * requests sent and how long it took.
 */
public final class RunRecord {

  /**
   * A lane and the keys ({@link dev.reelskit.contract.rules.Evidence#key()}) of the requests drawn
   * on it, so that a failed rule's evidence finds its lane.
   */
  public record TracedLane(Lane lane, Set<String> requests) {
    public TracedLane {
      requests = Set.copyOf(requests);
    }
  }

  private volatile List<TracedLane> lanes = List.of();
  private volatile int requests;
  private volatile long elapsedMillis;
  private volatile String serverVersions = "";
  private volatile boolean observed;

  public void observed(
      List<TracedLane> lanes, int requests, long elapsedMillis, String serverVersions) {
    this.lanes = List.copyOf(lanes);
    this.requests = requests;
    this.elapsedMillis = elapsedMillis;
    this.serverVersions = serverVersions;
    this.observed = true;
  }

  /** Whether the suite sent its plan (false when its setup failed before). */
  public boolean wasObserved() {
    return observed;
  }

  public List<TracedLane> lanes() {
    return lanes;
  }

  public int requests() {
    return requests;
  }

  public long elapsedMillis() {
    return elapsedMillis;
  }

  public String serverVersions() {
    return serverVersions;
  }
}
