package dev.reelskit.contract.suites;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.rules.Finding;
import dev.reelskit.openapi.JobLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One job the suite submitted and followed: its submission, every poll and how it ended. */
final class JobRecord {

  /** One GET of the job, with the status it showed (null when the answer was not a 200 job). */
  record Poll(Exchange exchange, long elapsedMillis, String status) {}

  /** Steps of a timeline shown from its start and from its end; those between are counted. */
  static final int TIMELINE_HEAD = 8;

  static final int TIMELINE_TAIL = 3;

  private final String label;
  private final String url;
  private final List<Poll> polls = new ArrayList<>();
  private Exchange submission;
  private String id;
  private long submittedAtMillis;
  private boolean timedOut;
  private int firstTerminal = -1;
  private String notSubmitted;

  JobRecord(String label, String url) {
    this.label = label;
    this.url = url;
  }

  public String label() {
    return label;
  }

  public String url() {
    return url;
  }

  public Exchange submission() {
    return submission;
  }

  /** The id the server gave it, or null when it was not created. */
  public String id() {
    return id;
  }

  public List<Poll> polls() {
    return List.copyOf(polls);
  }

  public boolean timedOut() {
    return timedOut;
  }

  /**
   * Index in {@link #polls()} of the first poll in a terminal state of the spec's lifecycle, or -1.
   */
  public int firstTerminal() {
    return firstTerminal;
  }

  void submitted(Exchange exchange, String jobId) {
    submission = exchange;
    id = jobId;
    submittedAtMillis = exchange.atMillis();
  }

  void polled(Exchange exchange, String status) {
    polls.add(new Poll(exchange, exchange.atMillis() - submittedAtMillis, status));
    if (firstTerminal < 0
        && status != null
        && JobLifecycle.model().stateNames().contains(status)
        && JobLifecycle.model().isTerminal(status)) {
      firstTerminal = polls.size() - 1;
    }
  }

  /** Why the job was never submitted, or null when it was. */
  public String notSubmitted() {
    return notSubmitted;
  }

  void notSubmitted(String reason) {
    notSubmitted = reason;
  }

  void timedOut(boolean value) {
    timedOut = value;
  }

  String lastStatus() {
    return polls.isEmpty()
        ? "(never polled)"
        : String.valueOf(polls.get(polls.size() - 1).status());
  }

  /**
   * Every poll in order, e.g. {@code pending@3ms -> processing@55ms -> done@160ms -> done@212ms}.
   */
  public String timeline() {
    if (polls.isEmpty()) {
      return "(never polled)";
    }
    // Runs of the same answer collapse: "processing@115ms..1539ms (26 polls)".
    List<String> steps = new ArrayList<>();
    int i = 0;
    while (i < polls.size()) {
      String shown = shown(polls.get(i));
      int j = i;
      while (j + 1 < polls.size() && shown(polls.get(j + 1)).equals(shown)) {
        j++;
      }
      int run = j - i + 1;
      steps.add(
          run <= 3
              ? polls.subList(i, j + 1).stream()
                  .map(p -> shown + "@" + p.elapsedMillis() + "ms")
                  .collect(Collectors.joining(" -> "))
              : shown
                  + "@"
                  + polls.get(i).elapsedMillis()
                  + "ms.."
                  + polls.get(j).elapsedMillis()
                  + "ms ("
                  + run
                  + " polls)");
      i = j + 1;
    }
    if (steps.size() > TIMELINE_HEAD + TIMELINE_TAIL + 1) {
      // A status that changes on every poll would make a timeline as long as the run.
      int left = steps.size() - TIMELINE_HEAD - TIMELINE_TAIL;
      List<String> shown = new ArrayList<>(steps.subList(0, TIMELINE_HEAD));
      shown.add("(" + left + " more steps)");
      shown.addAll(steps.subList(steps.size() - TIMELINE_TAIL, steps.size()));
      steps = shown;
    }
    return String.join(" -> ", steps);
  }

  private static String shown(Poll p) {
    return p.status() == null ? "HTTP " + p.exchange().status() : p.status();
  }

  /** What a polling failure adds to a finding. */
  public Finding.JobContext context(long elapsedMillis) {
    return new Finding.JobContext(id + " (" + label + ")", elapsedMillis, timeline());
  }

  public Finding.JobContext context() {
    long elapsed = polls.isEmpty() ? 0 : polls.get(polls.size() - 1).elapsedMillis();
    return context(elapsed);
  }
}
