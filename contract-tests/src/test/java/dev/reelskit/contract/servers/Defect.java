package dev.reelskit.contract.servers;

import dev.reelskit.contract.rules.Rule;
import java.util.EnumSet;
import java.util.Set;

/**
 * One deliberate contract breach of {@link ReelsTestServer}, the rule that must catch it, and every
 * other rule the same breach necessarily trips as well (named on purpose: a defect that trips a
 * rule not listed here, or misses one, fails {@code BrokenServerTest}). One entry per clause of a
 * rule.
 */
public enum Defect {
  ACCEPTS_MISSING_HEADER_ON_SUBMIT(Rule.AUTH_MISSING),
  ACCEPTS_MISSING_HEADER_ON_READ(Rule.AUTH_MISSING),
  ACCEPTS_ANY_SCHEME_ON_SUBMIT(Rule.AUTH_SCHEME),
  ACCEPTS_ANY_SCHEME_ON_READ(Rule.AUTH_SCHEME),
  ACCEPTS_TOKEN_WITHOUT_SCHEME(Rule.AUTH_NO_SCHEME),
  ACCEPTS_MALFORMED_TOKEN_ON_SUBMIT(Rule.AUTH_MALFORMED),
  ACCEPTS_MALFORMED_TOKEN_ON_READ(Rule.AUTH_MALFORMED),
  ACCEPTS_UNKNOWN_TOKEN(Rule.AUTH_UNKNOWN),
  WRONG_401_BODY(Rule.AUTH_BODY),
  /**
   * The errors page's missing-token body for a Bearer token it refuses: that body is legal only
   * when no Bearer token was sent.
   */
  MISSING_TOKEN_BODY_FOR_A_BEARER_TOKEN(Rule.AUTH_BODY),
  /** 401 to the valid token's first read of each job, which RC-READ-001 also sees. */
  REFUSES_VALID_TOKEN_ON_READ(Rule.AUTH_VALID, Rule.READ_OK),
  /**
   * 403 to the valid token's submission of the example.com URL, which RC-CREATE-005 expects as 400.
   */
  FORBIDS_VALID_TOKEN_ON_SUBMIT(Rule.AUTH_VALID, Rule.CREATE_NOT_INSTAGRAM),
  ACCEPTS_FORBIDDEN_TOKEN(Rule.AUTH_FORBIDDEN),
  FORBIDDEN_AS_401(Rule.AUTH_FORBIDDEN),
  FORBIDDEN_AS_HTML(Rule.AUTH_FORBIDDEN, Rule.HTTP_JSON, Rule.SPEC_CONFORMS),
  REJECTS_POST_FORM(Rule.CREATE_ACCEPTED),
  REJECTS_BARE_HOST_FORM(Rule.CREATE_ACCEPTED),
  REJECTS_WWW_REEL_FORM(Rule.CREATE_ACCEPTED),
  REJECTS_TRACKING_QUERY(Rule.CREATE_ACCEPTED),
  CREATED_AS_PROCESSING(Rule.CREATE_PENDING, Rule.SPEC_CONFORMS),
  /** The /p/ form's 202 has no id. */
  CREATED_WITHOUT_ID(Rule.CREATE_PENDING, Rule.CREATE_INTEGER_ID, Rule.SPEC_CONFORMS),
  STRING_IDS(Rule.CREATE_INTEGER_ID, Rule.SPEC_CONFORMS),
  /** Two jobs share each id, so each job's reads show the other's url, created_at and status. */
  REPEATING_IDS(
      Rule.CREATE_DISTINCT_IDS,
      Rule.READ_ECHO,
      Rule.READ_CREATED_AT_STABLE,
      Rule.LIFE_PATH,
      Rule.LIFE_IMMUTABLE),
  ACCEPTS_LOOKALIKE_HOST(Rule.CREATE_NOT_INSTAGRAM),
  ACCEPTS_EXAMPLE_COM(Rule.CREATE_NOT_INSTAGRAM),
  WRONG_NOT_INSTAGRAM_MESSAGE(Rule.CREATE_NOT_INSTAGRAM),
  /** The errors page's text, but naming a host other than the submitted URL's. */
  NAMES_ANOTHER_HOST(Rule.CREATE_NOT_INSTAGRAM),
  WRONG_URL_REQUIRED_MESSAGE(Rule.CREATE_URL_REQUIRED),
  URL_REQUIRED_AS_422(Rule.CREATE_URL_REQUIRED, Rule.SPEC_CONFORMS),
  FIRST_READ_FAILS(Rule.READ_OK),
  URL_ECHO_DROPS_QUERY(Rule.READ_ECHO),
  ECHOES_ANOTHER_ID(Rule.READ_ECHO),
  CREATED_AT_NOT_ISO(Rule.READ_CREATED_AT, Rule.SPEC_CONFORMS),
  /** A date without a time (a local time without an offset is a legal reading, not a defect). */
  CREATED_AT_DATE_ONLY(Rule.READ_CREATED_AT, Rule.SPEC_CONFORMS),
  CREATED_AT_IS_NOW(Rule.READ_CREATED_AT_STABLE, Rule.LIFE_IMMUTABLE),
  STATUS_COMPLETED(Rule.READ_STATUS_ENUM, Rule.LIFE_TERMINAL, Rule.SPEC_CONFORMS),
  DONE_WITHOUT_RESULT(Rule.READ_INVARIANTS, Rule.SPEC_CONFORMS),
  PENDING_WITH_RESULT(Rule.READ_INVARIANTS, Rule.SPEC_CONFORMS),
  PROCESSING_WITH_ERROR(Rule.READ_INVARIANTS, Rule.SPEC_CONFORMS),
  ERROR_WITH_RESULT(Rule.READ_INVARIANTS, Rule.SPEC_CONFORMS),
  ERROR_WITH_EMPTY_REASON(Rule.READ_INVARIANTS, Rule.ERR_JOB, Rule.SPEC_CONFORMS),
  NOT_FOUND_AS_HTML(Rule.READ_NOT_FOUND, Rule.HTTP_JSON, Rule.SPEC_CONFORMS),
  /** The spec lets a GET answer 400 (for a malformed id), so only RC-READ-007 sees this one. */
  NOT_FOUND_AS_400(Rule.READ_NOT_FOUND),
  TEXT_PLAIN_CONTENT_TYPE(Rule.HTTP_JSON, Rule.SPEC_CONFORMS),
  /**
   * Pending lasts less than one poll interval and already carries a result: only a read at once
   * sees it.
   */
  PENDING_CARRIES_RESULT(Rule.READ_INVARIANTS, Rule.SPEC_CONFORMS),
  /**
   * An unknown id is redirected elsewhere instead of answered: not its 404, not a documented
   * status.
   */
  REDIRECTS_UNKNOWN_ID(Rule.HTTP_NO_REDIRECT, Rule.READ_NOT_FOUND, Rule.SPEC_CONFORMS),
  RESULT_WITHOUT_SUMMARY(Rule.SPEC_CONFORMS),
  /** Every job's reads go pending, processing, pending, processing, done: the error reel too. */
  GOES_BACKWARDS(Rule.LIFE_PATH, Rule.ERR_JOB),
  /** The second read after done or error shows processing again, then done or error. */
  LEAVES_DONE(Rule.LIFE_PATH, Rule.LIFE_IMMUTABLE),
  NEVER_FINISHES(Rule.LIFE_TERMINAL),
  TERMINAL_JOB_CHANGES(Rule.LIFE_IMMUTABLE),
  ERROR_REEL_ENDS_DONE(Rule.ERR_JOB),
  SERVER_ERROR_AS_HTML(Rule.ERR_500, Rule.HTTP_JSON, Rule.SPEC_CONFORMS),
  SERVER_ERROR_AS_503(Rule.ERR_500, Rule.SPEC_CONFORMS),
  NO_RETRY_AFTER(Rule.RATE_RETRY_AFTER, Rule.SPEC_CONFORMS),
  RETRY_AFTER_AS_HTTP_DATE(Rule.RATE_RETRY_AFTER, Rule.SPEC_CONFORMS),
  RETRY_AFTER_NOT_A_NUMBER(Rule.RATE_RETRY_AFTER, Rule.SPEC_CONFORMS),
  ;

  private final Rule breaks;
  private final Set<Rule> collateral;

  Defect(Rule breaks, Rule... collateral) {
    this.breaks = breaks;
    this.collateral =
        collateral.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(collateral[0], collateral));
  }

  /** The rule this defect is there to prove. */
  public Rule breaks() {
    return breaks;
  }

  /**
   * Every rule a run against this server must fail: {@link #breaks()} and its collateral, exactly.
   */
  public Set<Rule> fails() {
    EnumSet<Rule> all = EnumSet.of(breaks);
    all.addAll(collateral);
    return all;
  }

  /** Whether the server enforces a tight rate limit so that the run meets 429s. */
  public boolean needsRateLimit() {
    return breaks == Rule.RATE_RETRY_AFTER;
  }
}
