package dev.reelskit.mock.conformance;

import dev.reelskit.timeline.Lane;
import dev.reelskit.timeline.Mark;
import dev.reelskit.timeline.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's traffic as the kit's timeline picture (the contract suite's report draws the same):
 * one lane per job the client created or read, one for requests tied to no job, each broken rule
 * marked at the request that broke it.
 */
final class ReportTimeline {

  private ReportTimeline() {}

  static Timeline of(ClientConformanceReport report, List<TrafficEntry> traffic) {
    Instant origin = report.origin();
    Map<Long, List<Mark>> jobs = new LinkedHashMap<>();
    Map<Long, Integer> polls = new LinkedHashMap<>();
    List<Mark> other = new ArrayList<>();
    for (TrafficEntry e : traffic) {
      long at = millis(origin, e.at());
      String shown = e.shown() == null ? null : e.shown().getValue();
      Mark mark;
      if (e.httpStatus() == 429) {
        mark =
            Mark.tooMany(
                at,
                e.retryAfter() == null ? -1 : e.retryAfter().toMillis(),
                e.method() + " " + e.path() + (e.rejection() == null ? "" : ", " + e.rejection()));
      } else if ("analyzeReel".equals(e.operation()) && e.jobId() != null) {
        mark = Mark.submit(at, e.httpStatus(), shown, "#" + e.seq());
      } else if ("getReel".equals(e.operation()) && e.jobId() != null) {
        mark = Mark.poll(at, e.httpStatus(), shown, "#" + e.seq());
        polls.merge(e.jobId(), 1, Integer::sum);
      } else {
        mark =
            Mark.request(
                at,
                e.httpStatus(),
                "#"
                    + e.seq()
                    + " "
                    + e.method()
                    + " "
                    + e.path()
                    + (e.rejection() == null ? "" : " (" + e.rejection() + ")"));
      }
      if (e.jobId() != null) {
        jobs.computeIfAbsent(e.jobId(), id -> new ArrayList<>()).add(mark);
      } else {
        other.add(mark);
      }
    }
    for (ClientRuleResult result : report.results()) {
      for (ClientViolation v : result.violations()) {
        if (v.requests().isEmpty()) {
          continue;
        }
        TrafficEntry last = v.requests().get(v.requests().size() - 1);
        Mark failure =
            Mark.failure(millis(origin, last.at()), v.ruleId(), v.expected() + "; " + v.actual());
        List<Mark> lane = v.jobId() == null ? null : jobs.get(v.jobId());
        (lane != null ? lane : other).add(failure);
      }
    }
    List<Lane> lanes = new ArrayList<>();
    jobs.forEach(
        (id, marks) ->
            lanes.add(new Lane("job " + id, plural(polls.getOrDefault(id, 0), "poll"), marks)));
    if (!other.isEmpty()) {
      lanes.add(new Lane("no job", plural(other.size(), "request") + " tied to no job", other));
    }
    return new Timeline(
        "The client's requests, one lane per job", "mock time since the first request", lanes);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static long millis(Instant origin, Instant at) {
    return origin == null ? 0 : Math.max(0, Duration.between(origin, at).toMillis());
  }
}
