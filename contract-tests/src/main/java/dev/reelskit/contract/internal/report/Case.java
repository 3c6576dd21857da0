package dev.reelskit.contract.internal.report;

import dev.reelskit.contract.rules.Evidence;
import java.util.List;
import java.util.Map;

/**
 * One test of a run as the reports show it: named by its rule (id and title, and the case for a
 * rule with several), grouped by the rule's family.
 *
 * @param family the rule id's family, e.g. {@code RC-AUTH}; {@code RC-SETUP} for a plan that could
 *     not be sent
 * @param name e.g. {@code RC-CREATE-005 A non-Instagram URL ... [https://example.com/reel/<code>/
 *     is refused with 400]}
 * @param detail the failure message or the skip reason (masked); null when it passed
 * @param configuration whether the failure is the run's (server unreachable, budget), not a rule's
 * @param evidence where the failed checks were seen
 */
public record Case(
    String family,
    String ruleId,
    String name,
    Status status,
    long millis,
    String detail,
    boolean configuration,
    List<Evidence> evidence) {

  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  private static final Map<String, String> FAMILIES =
      Map.of(
          "RC-AUTH", "Authentication",
          "RC-CREATE", "Creating a job",
          "RC-READ", "Reading a job",
          "RC-LIFE", "Lifecycle",
          "RC-ERR", "Failures",
          "RC-RATE", "Rate limit",
          "RC-HTTP", "Every response",
          "RC-SPEC", "The OpenAPI document",
          "RC-SETUP", "Setup");

  /** {@code RC-AUTH Authentication}: what a CI test tab groups by. */
  public String familyName() {
    return family + " " + FAMILIES.getOrDefault(family, "Rules");
  }

  /** The first line of the detail, for one-line summaries. */
  public String headline() {
    return detail == null ? "" : detail.strip().lines().findFirst().orElse("");
  }
}
