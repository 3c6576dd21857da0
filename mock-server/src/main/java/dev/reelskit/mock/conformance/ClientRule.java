package dev.reelskit.mock.conformance;

import java.util.List;
import java.util.Locale;

/**
 * One named thing a client must do when it talks to the Reels API, judged over recorded traffic.
 *
 * <p>Ids and titles are API: reports, dashboards and {@code docs/client-rules.md} refer to them.
 * Rules are pure functions of the traffic and the settings; they never see a token, only
 * fingerprints.
 */
public interface ClientRule {

  /** The stable id, e.g. {@code CC-AUTH-001}. */
  String id();

  /** A one-line statement of what the client must do. */
  String title();

  /** Where the catalogue explains the rule. */
  default String anchor() {
    return "docs/client-rules.md#" + id().toLowerCase(Locale.ROOT);
  }

  /** The violations of this rule in {@code traffic} (oldest first); empty when the rule holds. */
  List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings);
}
