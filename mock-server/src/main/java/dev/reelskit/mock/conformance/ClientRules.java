package dev.reelskit.mock.conformance;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The catalogue of client rules, in the order reports list them; see {@code docs/client-rules.md}.
 */
public final class ClientRules {

  public static final String TRAFFIC = "CC-TRAFFIC-001";
  public static final String AUTH = "CC-AUTH-001";
  public static final String OPERATION = "CC-SPEC-001";
  public static final String SUBMIT_BODY = "CC-SPEC-002";
  public static final String POLL_SPACING = "CC-POLL-001";
  public static final String POLL_AFTER_TERMINAL = "CC-POLL-002";
  public static final String GIVE_UP = "CC-POLL-003";
  public static final String RATE_LIMIT = "CC-RATE-001";
  public static final String UNFINISHED_JOBS = "CC-JOBS-001";
  public static final String RETRY_AFTER = "CC-RETRY-001";

  private static final List<ClientRule> ALL =
      List.of(
          new TrafficPresentRule(),
          new AuthRule(),
          new OperationRule(),
          new SubmitBodyRule(),
          new PollSpacingRule(),
          new PollAfterTerminalRule(),
          new GiveUpRule(),
          new RateLimitRule(),
          new UnfinishedJobsRule(),
          new RetryAfterRule());

  private ClientRules() {}

  /** Every rule, in catalogue order. */
  public static List<ClientRule> all() {
    return ALL;
  }

  /** The rule with this id. */
  public static ClientRule byId(String id) {
    return ALL.stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no client rule " + id));
  }

  /**
   * The catalogue's note on the docs' contradiction: polling every 5 s is 12 requests a minute,
   * above the documented 10.
   */
  public static String documentedIntervalNote(ClientRuleSettings settings) {
    return DocumentedIntervalNote.text(settings);
  }
}
