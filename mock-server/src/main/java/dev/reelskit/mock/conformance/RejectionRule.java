package dev.reelskit.mock.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule judged from the mock's own verdict: the rejection codes it gave. One violation per token
 * and code, carrying every request so rejected.
 */
abstract class RejectionRule extends NamedRule {

  private final Set<String> codes;
  private final String expected;

  RejectionRule(String id, String title, Set<String> codes, String expected) {
    super(id, title);
    this.codes = Set.copyOf(codes);
    this.expected = expected;
  }

  /** The code to report for an entry, null when the entry keeps the rule. */
  String codeOf(TrafficEntry e) {
    return e.rejection() != null && codes.contains(e.rejection()) ? e.rejection() : null;
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    Map<List<String>, List<TrafficEntry>> groups = new LinkedHashMap<>();
    for (TrafficEntry e : traffic) {
      String code = codeOf(e);
      if (code != null) {
        groups.computeIfAbsent(List.of(e.token(), code), k -> new ArrayList<>()).add(e);
      }
    }
    List<ClientViolation> violations = new ArrayList<>();
    groups.forEach(
        (key, entries) ->
            violations.add(
                new ClientViolation(
                    id(),
                    key.get(0),
                    null,
                    expected,
                    entries.size()
                        + " of "
                        + traffic.size()
                        + " requests rejected as "
                        + key.get(1),
                    null,
                    entries,
                    null)));
    return violations;
  }
}
