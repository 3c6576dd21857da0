package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The errors page's advice for transient answers (429, 500, 502, 503): retry, at most 3 attempts in
 * all, waiting 1 s, then 2 s. The docs recommend it, so a client that does otherwise gets advice,
 * never a failure. Judged per stream of requests that retry one another: a token's submissions, and
 * each job's polls. Three findings: a stream that ends on a transient answer before its attempts
 * are spent, while a retry was still possible (the docs' Python loop raises on its first 429); an
 * attempt after the advised number of transient answers in a row; a submission retried sooner than
 * advised (a poll retried too soon is {@code CC-POLL-001}'s). {@code Retry-After} is {@code
 * CC-RETRY-001}'s.
 */
final class TransientRetryRule extends NamedRule {

  TransientRetryRule() {
    super(ClientRules.TRANSIENT_RETRY, "Retries transient errors as the errors page advises");
  }

  private final Severity severity = RetryAdvice.documentedWeight();

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    Map<Long, TrafficEntry> created = ClientTraffic.creations(traffic);
    List<ClientViolation> violations = new ArrayList<>();
    for (List<TrafficEntry> group : ClientTraffic.byToken(traffic).values()) {
      List<TrafficEntry> submissions = group.stream().filter(ClientTraffic::isSubmit).toList();
      new Stream(submissions, null, null, settings, violations).judge();
      for (Map.Entry<Long, List<TrafficEntry>> job : ClientTraffic.pollsByJob(group).entrySet()) {
        new Stream(job.getValue(), job.getKey(), created.get(job.getKey()), settings, violations)
            .judge();
      }
    }
    return violations;
  }

  /** Requests that retry one another: submissions ({@code jobId} null) or one job's polls. */
  private final class Stream {
    private final List<TrafficEntry> requests;
    private final Long jobId;
    private final TrafficEntry creation;
    private final ClientRuleSettings settings;
    private final RetryAdvice advice;
    private final List<ClientViolation> out;

    Stream(
        List<TrafficEntry> requests,
        Long jobId,
        TrafficEntry creation,
        ClientRuleSettings settings,
        List<ClientViolation> out) {
      this.requests = requests;
      this.jobId = jobId;
      this.creation = creation;
      this.settings = settings;
      this.advice = settings.retryAdvice();
      this.out = out;
    }

    void judge() {
      int n = requests.size();
      for (int i = 0; i < n; ) {
        if (!isTransient(requests.get(i))) {
          i++;
          continue;
        }
        int end = i;
        while (end < n && isTransient(requests.get(end))) {
          end++;
        }
        List<TrafficEntry> run = requests.subList(i, end);
        TrafficEntry next = end < n ? requests.get(end) : null;
        pastTheAttempts(run, next);
        if (jobId == null) {
          soonerThanAdvised(run, next);
        }
        if (next == null) {
          gaveUpEarly(run, i);
        }
        i = end;
      }
    }

    private boolean isTransient(TrafficEntry e) {
      return advice.isTransient(e.httpStatus());
    }

    private void pastTheAttempts(List<TrafficEntry> run, TrafficEntry next) {
      int attempts = advice.attempts();
      TrafficEntry beyond =
          run.size() > attempts ? run.get(attempts) : run.size() == attempts ? next : null;
      if (beyond == null) {
        return;
      }
      List<TrafficEntry> evidence = new ArrayList<>(run.subList(0, attempts));
      evidence.add(beyond);
      add(
          "at most " + attempts + " attempts (" + advice.describe() + ")",
          "attempt "
              + (attempts + 1)
              + " after "
              + attempts
              + " transient answers in a row ("
              + statuses(run.subList(0, attempts))
              + ")",
          evidence,
          null);
    }

    private void soonerThanAdvised(List<TrafficEntry> run, TrafficEntry next) {
      for (int k = 1; k <= run.size() && k < advice.attempts(); k++) {
        TrafficEntry failed = run.get(k - 1);
        TrafficEntry retry = k < run.size() ? run.get(k) : next;
        if (retry == null) {
          return;
        }
        Duration gap = ClientTraffic.gap(failed, retry);
        Duration wait = advice.waitBefore(k);
        if (gap.compareTo(settings.leastGap(wait)) < 0) {
          add(
              "retry " + k + " >= " + Formats.duration(wait) + " after the " + failed.httpStatus(),
              "retry " + k + " " + Formats.duration(gap) + " after it",
              List.of(failed, retry),
              null);
          return;
        }
      }
    }

    private void gaveUpEarly(List<TrafficEntry> run, int start) {
      if (run.size() >= advice.attempts()) {
        return;
      }
      boolean shownTerminal =
          requests.subList(0, start).stream().anyMatch(ClientTraffic::showsTerminal);
      TrafficEntry last = run.get(run.size() - 1);
      if (shownTerminal || (jobId != null && !retryPossible(last, run.size()))) {
        return;
      }
      add(
          "retry a transient answer up to " + advice.attempts() + " attempts in all",
          "stopped after "
              + run.size()
              + " attempt"
              + (run.size() == 1 ? "" : "s")
              + " answered "
              + statuses(run)
              + (jobId == null ? "" : ", the job never shown done or error"),
          run,
          jobId == null
              ? null
              : "the job may still finish: a client that stops at a transient answer loses it");
    }

    /** Whether a poll retrying {@code last} as advised would still come within the bound. */
    private boolean retryPossible(TrafficEntry last, int attemptsMade) {
      if (creation == null) {
        return true;
      }
      Duration wait = advice.waitBefore(attemptsMade);
      if (last.retryAfter() != null && last.retryAfter().compareTo(wait) > 0) {
        wait = last.retryAfter();
      }
      Instant retry = last.at().plus(wait);
      return !retry.isAfter(creation.at().plus(settings.giveUpAfter()));
    }

    private void add(String expected, String actual, List<TrafficEntry> evidence, String note) {
      out.add(
          new ClientViolation(
              id(),
              evidence.get(0).token(),
              jobId,
              expected,
              actual,
              jobId == null ? null : ClientTraffic.shownBefore(requests, evidence.get(0).seq()),
              evidence,
              note));
    }
  }

  private static String statuses(List<TrafficEntry> run) {
    return String.join(", ", run.stream().map(e -> String.valueOf(e.httpStatus())).toList());
  }
}
