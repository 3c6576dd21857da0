package dev.reelskit.mock.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Judges recorded client traffic against every client rule.
 *
 * <pre>{@code
 * ClientConformanceReport report =
 *     ClientConformance.judge(log, ClientRuleSettings.defaults(), "realistic");
 * report.assertConforms();
 * }</pre>
 */
public final class ClientConformance {

  /** The profile name used when the caller does not say which timing the mock used. */
  public static final String UNSPECIFIED_PROFILE = "unspecified";

  private ClientConformance() {}

  /** Judges {@code entries}, none of them dropped, timing profile unspecified. */
  public static ClientConformanceReport judge(
      List<TrafficEntry> entries, ClientRuleSettings settings) {
    return judge(entries, settings, UNSPECIFIED_PROFILE, 0);
  }

  /** Judges what {@code log} still holds and reports how much it dropped. */
  public static ClientConformanceReport judge(
      TrafficLog log, ClientRuleSettings settings, String profile) {
    long dropped = log.dropped();
    return judge(log.snapshot(), settings, profile, dropped);
  }

  /**
   * Judges {@code entries} (any order; judged in arrival order).
   *
   * @param profile the timing profile the mock used, shown in the report
   * @param dropped how many older entries the bounded log dropped; the evidence is then partial
   */
  public static ClientConformanceReport judge(
      List<TrafficEntry> entries, ClientRuleSettings settings, String profile, long dropped) {
    Objects.requireNonNull(settings, "settings");
    List<TrafficEntry> traffic =
        entries.stream().sorted(Comparator.comparingLong(TrafficEntry::seq)).toList();
    List<ClientRuleResult> results = new ArrayList<>();
    for (ClientRule rule : ClientRules.all()) {
      results.add(new ClientRuleResult(rule, rule.check(traffic, settings)));
    }
    return new ClientConformanceReport(
        profile == null ? UNSPECIFIED_PROFILE : profile, traffic, dropped, settings, results, null);
  }
}
