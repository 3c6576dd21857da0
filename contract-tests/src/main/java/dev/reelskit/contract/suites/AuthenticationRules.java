package dev.reelskit.contract.suites;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.internal.rules.Finding;
import dev.reelskit.contract.internal.rules.Verdict;
import dev.reelskit.contract.rules.Rule;

/** RC-AUTH-*: who may call the API, judged over every exchange of a run. */
final class AuthenticationRules {

  private AuthenticationRules() {}

  /** RC-AUTH-001..004: each request sent with {@code auth} was answered 401. */
  static void refused(ContractRun run, Rule rule, Auth auth) {
    Verdict verdict = Verdict.of(rule);
    for (Exchange e : run.exchanges()) {
      if (e.auth() == auth) {
        verdict.check(e.status() == 401, Finding.status(e, "401"));
      }
    }
    verdict.conclude(
        auth == Auth.UNKNOWN
            ? "no unknown token configured (--unknown-token); a server that accepts every well-formed"
                + " token, like the kit's mock, has none"
            : "no request was sent with " + auth);
  }

  /**
   * RC-AUTH-005: every 401 carries {"error": "invalid API token"}; a request sent without a Bearer
   * token may instead get the errors page's {"error": "API token required (Authorization: Bearer
   * ist_...)"}. The texts are every documentation page's (DocPages).
   */
  static void body(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.AUTH_BODY);
    for (Exchange e : run.exchanges()) {
      if (e.status() == 401) {
        boolean bearer =
            e.auth() != Auth.NONE && e.auth() != Auth.WRONG_SCHEME && e.auth() != Auth.NO_SCHEME;
        java.util.List<String> texts = DocumentedTexts.unauthorized(bearer);
        var json = e.json();
        boolean holds =
            json != null
                && json.path("error").isTextual()
                && texts.contains(json.path("error").asText());
        verdict.check(
            holds,
            Finding.value(
                e,
                "$.error",
                texts.size() == 1
                    ? "\"" + texts.get(0) + "\""
                    : "one of "
                        + String.join(" or ", texts.stream().map(t -> "\"" + t + "\"").toList()),
                e.render("/error")));
      }
    }
    verdict.conclude("the server answered no request with 401");
  }

  /**
   * RC-AUTH-007: the valid token without permission got 403 with an {@code ApiError} body (an
   * "error" or "message" string, wording free) on both operations. A 429 is judged by RC-RATE-001
   * and the request sent again, so it is no evidence here.
   */
  static void forbidden(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.AUTH_FORBIDDEN);
    if (run.settings().forbiddenToken() == null) {
      verdict.conclude(
          "no token without permission configured (REELS_FORBIDDEN_TOKEN or"
              + " --forbidden-token-file)");
      return;
    }
    for (Exchange e : run.exchanges()) {
      if (e.auth() != Auth.FORBIDDEN || e.status() == 429) {
        continue;
      }
      verdict.check(
          e.status() == 403,
          Finding.status(e, "403 (the token is valid but lacks the permission)"));
      if (e.status() == 403) {
        var json = e.json();
        verdict.check(
            json != null && (json.path("error").isTextual() || json.path("message").isTextual()),
            Finding.value(
                e,
                "$",
                "a JSON object with an \"error\" or \"message\" string",
                e.body() == null || e.body().isEmpty() ? "(empty body)" : e.body()));
      }
    }
    verdict.conclude("no request with the token without permission was answered (only 429s)");
  }

  /** RC-AUTH-006: no request with the valid token was refused with 401 or 403. */
  static void validTokenAccepted(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.AUTH_VALID);
    for (Exchange e : run.exchanges()) {
      if (e.auth() == Auth.VALID) {
        verdict.check(
            e.status() != 401 && e.status() != 403,
            Finding.status(e, "not 401 or 403 (the token is valid)"));
      }
    }
    verdict.conclude("no request was sent with the valid token");
  }
}
