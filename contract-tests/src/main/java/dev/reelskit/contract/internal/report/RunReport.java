package dev.reelskit.contract.internal.report;

import dev.reelskit.contract.internal.launch.RunRecord;
import dev.reelskit.contract.internal.launch.RunRecord.TracedLane;
import dev.reelskit.contract.rules.Evidence;
import dev.reelskit.timeline.Lane;
import dev.reelskit.timeline.Mark;
import dev.reelskit.timeline.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the files of one run say (JUnit XML, HTML, Markdown): which server, which budget and
 * why, every case, and what the suite observed. Every text in it is already masked.
 *
 * @param settings the effective settings line (tokens masked)
 * @param budget the budget line the run printed first
 */
public record RunReport(
    String baseUrl,
    String budget,
    String settings,
    Instant started,
    long wallMillis,
    int exitCode,
    List<Case> cases,
    RunRecord record) {

  public RunReport {
    cases = List.copyOf(cases);
  }

  public long count(Case.Status status) {
    return cases.stream().filter(c -> c.status() == status).count();
  }

  /** {@code 31 passed, 1 failed, 2 skipped}. */
  public String counts() {
    return count(Case.Status.PASSED)
        + " passed, "
        + count(Case.Status.FAILED)
        + " failed, "
        + count(Case.Status.SKIPPED)
        + " skipped";
  }

  /** {@code every rule holds}, {@code rules failed}, {@code nothing could be judged}. */
  public String verdict() {
    return switch (exitCode) {
      case RunOutcome.OK -> "every rule holds";
      case RunOutcome.RULE_FAILED -> "rules failed";
      default -> "nothing could be judged";
    };
  }

  /** The jobs the suite followed on one time axis, each failed rule marked where it was seen. */
  public Timeline timeline() {
    List<Lane> lanes = new ArrayList<>();
    for (TracedLane traced : record.lanes()) {
      List<Mark> marks = new ArrayList<>(traced.lane().marks());
      for (Case c : cases) {
        if (c.status() != Case.Status.FAILED) {
          continue;
        }
        for (Evidence e : c.evidence()) {
          if (traced.requests().contains(e.key())) {
            marks.add(Mark.failure(e.atMillis(), c.ruleId(), c.headline()));
          }
        }
      }
      lanes.add(new Lane(traced.lane().label(), traced.lane().detail(), marks));
    }
    return new Timeline(
        "Jobs the suite followed: every request on one time axis",
        "wall time since the run started",
        lanes);
  }
}
