package dev.reelskit.contract.rules;

import java.util.Arrays;
import java.util.Locale;

/**
 * The catalogue of contract rules. Ids are API: CI dashboards and people search by them, so they
 * are never renamed or reused (see {@code docs/contract-rules.md}).
 */
public enum Rule {
  AUTH_MISSING("RC-AUTH-001", "A request without an Authorization header is refused with 401"),
  AUTH_SCHEME("RC-AUTH-002", "A token sent with a scheme other than Bearer is refused with 401"),
  AUTH_MALFORMED("RC-AUTH-003", "A malformed token is refused with 401"),
  AUTH_UNKNOWN("RC-AUTH-004", "An unknown token is refused with 401"),
  AUTH_BODY(
      "RC-AUTH-005",
      "A 401 body is {\"error\": \"invalid API token\"}, or without a Bearer token the errors"
          + " page's \"API token required\" body"),
  AUTH_VALID("RC-AUTH-006", "A valid token is never refused"),
  AUTH_FORBIDDEN(
      "RC-AUTH-007", "A valid token without permission is refused with 403 and a JSON error body"),
  AUTH_NO_SCHEME("RC-AUTH-008", "A bare token sent without any scheme is refused with 401"),
  CREATE_ACCEPTED("RC-CREATE-001", "Every documented URL form is accepted with 202"),
  CREATE_PENDING("RC-CREATE-002", "A 202 body is {id, status: \"pending\"}"),
  CREATE_INTEGER_ID("RC-CREATE-003", "Job ids are integers"),
  CREATE_DISTINCT_IDS("RC-CREATE-004", "Job ids are distinct across submissions"),
  CREATE_NOT_INSTAGRAM(
      "RC-CREATE-005",
      "A non-Instagram URL, lookalike hosts included, is refused with 400 and its documented message"),
  CREATE_URL_REQUIRED(
      "RC-CREATE-006", "A submission without url is refused with 400 and its documented message"),
  READ_OK("RC-READ-001", "A created job is read with 200"),
  READ_ECHO("RC-READ-002", "A job echoes its id and the submitted url"),
  READ_CREATED_AT("RC-READ-003", "created_at is an ISO 8601 timestamp"),
  READ_CREATED_AT_STABLE("RC-READ-004", "created_at never changes"),
  READ_STATUS_ENUM("RC-READ-005", "status is one of pending|processing|done|error"),
  READ_INVARIANTS("RC-READ-006", "error and result match the status"),
  READ_NOT_FOUND("RC-READ-007", "An unknown job id is answered 404 with a JSON error body"),
  HTTP_JSON("RC-HTTP-001", "Every response is application/json"),
  HTTP_NO_REDIRECT("RC-HTTP-002", "No response is a redirect"),
  SPEC_CONFORMS("RC-SPEC-001", "Every response conforms to the OpenAPI document"),
  LIFE_PATH("RC-LIFE-001", "A job's observed statuses follow the documented graph"),
  LIFE_TERMINAL("RC-LIFE-002", "A job reaches done or error within the job timeout"),
  LIFE_IMMUTABLE("RC-LIFE-003", "A done or error job never changes"),
  ERR_JOB("RC-ERR-001", "The error reel's job ends in error with a reason"),
  ERR_500("RC-ERR-002", "A server failure on submit is answered 500 with a JSON error body"),
  RATE_RETRY_AFTER("RC-RATE-001", "A 429 carries Retry-After in seconds");

  private final String id;
  private final String title;

  Rule(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The stable id, e.g. {@code RC-AUTH-001}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** Where the rule is explained, relative to the repository's {@code contract-tests} folder. */
  public String anchor() {
    return "docs/contract-rules.md#" + id.toLowerCase(Locale.ROOT);
  }

  /** The rule's first line in every report: id, title and anchor. */
  public String headline() {
    return id + " " + title + " (" + anchor() + ")";
  }

  public static Rule byId(String id) {
    return Arrays.stream(values())
        .filter(r -> r.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rule " + id));
  }
}
