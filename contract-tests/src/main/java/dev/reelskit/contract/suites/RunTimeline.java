package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.launch.RunRecord.TracedLane;
import dev.reelskit.contract.rules.Evidence;
import dev.reelskit.timeline.Lane;
import dev.reelskit.timeline.Mark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a run observed as timeline lanes: one per job followed, one for the probes. */
final class RunTimeline {

  private RunTimeline() {}

  static List<TracedLane> lanes(ContractRun run) {
    List<Exchange> all = run.exchanges();
    Set<Exchange> drawn = new HashSet<>();
    List<TracedLane> lanes = new ArrayList<>();
    for (JobRecord job : run.jobs()) {
      List<Mark> marks = new ArrayList<>();
      Set<String> keys = new HashSet<>();
      for (Exchange e : all) {
        if (e.label().equals("submit " + job.label()) || e.label().equals("poll " + job.label())) {
          drawn.add(e);
          keys.add(key(e));
          marks.add(mark(e, e.method().equals("POST")));
        }
      }
      if (job.timedOut() && !job.polls().isEmpty()) {
        marks.add(
            Mark.gaveUp(
                job.polls().get(job.polls().size() - 1).exchange().atMillis(),
                "no done or error within the job timeout"));
      }
      String label =
          (job.id() == null ? "not created" : "job " + job.id()) + " " + stable(job.label());
      lanes.add(new TracedLane(new Lane(label, outcome(job), marks), keys));
    }
    List<Mark> probes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Exchange e : all) {
      if (!drawn.contains(e) && !e.label().equals("preflight")) {
        keys.add(key(e));
        probes.add(
            e.status() == 429
                ? Mark.tooMany(e.atMillis(), retryAfterMillis(e), e.label())
                : Mark.request(e.atMillis(), e.status(), e.method() + " " + stable(e.label())));
      }
    }
    if (!probes.isEmpty()) {
      lanes.add(
          new TracedLane(
              new Lane(
                  "probes", probes.size() + " one-off requests (auth, 400s, 404, 500)", probes),
              keys));
    }
    return lanes;
  }

  private static Mark mark(Exchange e, boolean submit) {
    if (e.status() == 429) {
      return Mark.tooMany(e.atMillis(), retryAfterMillis(e), e.label());
    }
    JsonNode json = e.status() / 100 == 2 ? e.json() : null;
    String status =
        json != null && json.path("status").isTextual() ? json.path("status").asText() : null;
    return submit
        ? Mark.submit(e.atMillis(), e.status(), status, "")
        : Mark.poll(e.atMillis(), e.status(), status, "");
  }

  private static String outcome(JobRecord job) {
    if (job.notSubmitted() != null) {
      return job.notSubmitted();
    }
    if (job.id() == null) {
      return "submission answered " + job.submission().status();
    }
    int polls = job.polls().size();
    if (job.firstTerminal() >= 0) {
      JobRecord.Poll end = job.polls().get(job.firstTerminal());
      return end.status()
          + " after "
          + String.format(Locale.ROOT, "%.1f s", end.elapsedMillis() / 1000.0)
          + ", "
          + polls
          + " polls";
    }
    return (job.timedOut() ? "gave up, " : "unfinished, ") + "last " + job.lastStatus();
  }

  private static long retryAfterMillis(Exchange e) {
    try {
      return e.retryAfter() == null ? -1 : Long.parseLong(e.retryAfter().trim()) * 1000;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  static String key(Exchange e) {
    return new Evidence(e.method(), e.url(), e.atMillis()).key();
  }

  /** The run's random reel codes as {@code <code>}: names that stay the same from run to run. */
  static String stable(String text) {
    return text.replaceAll("RCkit[A-Za-z0-9]+", "<code>");
  }
}
