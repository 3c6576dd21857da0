package dev.reelskit.mock.conformance;

import dev.reelskit.timeline.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * The verdict of every client rule on one client's traffic, as plain text ({@link #toText()}) or
 * JSON ({@link #toJson()}), and as an assertion ({@link #assertConforms()}).
 */
public final class ClientConformanceReport {

  private final String profile;
  private final List<TrafficEntry> traffic;
  private final long dropped;
  private final ClientRuleSettings settings;
  private final List<ClientRuleResult> results;
  private final ClientRun clientRun;

  ClientConformanceReport(
      String profile,
      List<TrafficEntry> traffic,
      long dropped,
      ClientRuleSettings settings,
      List<ClientRuleResult> results,
      ClientRun clientRun) {
    this.profile = profile;
    this.traffic = List.copyOf(traffic);
    this.dropped = dropped;
    this.settings = settings;
    this.results = List.copyOf(results);
    this.clientRun = clientRun;
  }

  /** This report with the outcome of the client process that produced the traffic. */
  public ClientConformanceReport withClientRun(ClientRun run) {
    return new ClientConformanceReport(profile, traffic, dropped, settings, results, run);
  }

  /** The timing profile the mock used, e.g. {@code realistic} or {@code fast}. */
  public String profile() {
    return profile;
  }

  /** How many requests were judged. */
  public int requests() {
    return traffic.size();
  }

  /** How many older requests the bounded log dropped before judging. */
  public long dropped() {
    return dropped;
  }

  public ClientRuleSettings settings() {
    return settings;
  }

  /** The time report offsets ({@code t+5 s}) count from: the first judged request, if any. */
  public Instant origin() {
    return traffic.isEmpty() ? null : traffic.get(0).at();
  }

  /** Every rule's result, in catalogue order. */
  public List<ClientRuleResult> results() {
    return results;
  }

  /** The result of the rule with this id. */
  public ClientRuleResult result(String ruleId) {
    return results.stream()
        .filter(r -> r.rule().id().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no client rule " + ruleId));
  }

  /** The client process's outcome, null when the traffic came from elsewhere. */
  public ClientRun clientRun() {
    return clientRun;
  }

  /** The ids of the rules the client broke, in catalogue order. */
  public List<String> violatedRuleIds() {
    return results.stream().filter(r -> !r.passed()).map(r -> r.rule().id()).toList();
  }

  public long passedCount() {
    return results.stream().filter(ClientRuleResult::passed).count();
  }

  public long failedCount() {
    return results.size() - passedCount();
  }

  /** Whether every rule held and the client (if run by the kit) ended within its bound. */
  public boolean conforms() {
    return failedCount() == 0 && (clientRun == null || !clientRun.timedOut());
  }

  /** Explanations worth reading with this report: partial evidence, the docs' 12-vs-10. */
  public List<String> notes() {
    Set<String> notes = new LinkedHashSet<>();
    if (dropped > 0) {
      notes.add(
          "evidence is partial: the bounded traffic log dropped the "
              + dropped
              + " oldest requests");
    }
    results.forEach(
        r ->
            r.violations().stream()
                .map(ClientViolation::note)
                .filter(Objects::nonNull)
                .forEach(notes::add));
    return new ArrayList<>(notes);
  }

  /** The report as plain text: violated rules first, each with its evidence, then the summary. */
  public String toText() {
    return new ReportText(this).render();
  }

  /** The client's requests as the kit's timeline picture, each broken rule where it broke. */
  public Timeline toTimeline() {
    return ReportTimeline.of(this, traffic);
  }

  /** {@link #toTimeline()} as a self-contained SVG document. */
  public String toSvg() {
    return toTimeline().toSvg();
  }

  /** The report as one self-contained HTML page: the verdict, the timeline and the text report. */
  public String toHtml() {
    return ReportHtml.render(this);
  }

  /** The report as a tree of maps and lists, ready for any JSON writer. */
  public Map<String, Object> toMap() {
    return ReportJson.toMap(this);
  }

  /** The report as pretty-printed JSON. */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * Fails with the violated rules and their evidence unless the client conformed.
   *
   * @throws AssertionFailedError naming every violated rule
   */
  public void assertConforms() {
    if (!conforms()) {
      throw new AssertionFailedError(toText());
    }
  }

  @Override
  public String toString() {
    return "ClientConformanceReport[" + passedCount() + " passed, " + failedCount() + " failed]";
  }
}
