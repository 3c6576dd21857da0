package dev.reelskit.contract.suites;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.rules.Finding;
import dev.reelskit.contract.internal.rules.Verdict;
import dev.reelskit.contract.rules.Rule;
import java.util.Locale;

/** Rules over every response of a run: media type, the OpenAPI document, 404, 500, 429. */
final class ResponseRules {

  private ResponseRules() {}

  /** RC-HTTP-001: application/json, parameters such as charset allowed. */
  static void json(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.HTTP_JSON);
    for (Exchange e : run.exchanges()) {
      verdict.check(
          isJson(e.contentType()),
          Finding.value(
              e,
              "Content-Type header",
              "application/json (parameters such as charset allowed)",
              e.contentType() == null ? "(absent)" : e.contentType()));
    }
    verdict.conclude("no response was received");
  }

  /**
   * RC-HTTP-002: the documented API never redirects. The suite never follows a redirect (it would
   * carry the token to whatever origin the Location names), so a 3xx is judged, not obeyed.
   */
  static void noRedirect(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.HTTP_NO_REDIRECT);
    for (Exchange e : run.exchanges()) {
      verdict.check(
          e.status() < 300 || e.status() > 399,
          Finding.status(
              e, "not a redirect (the API documents none; the suite does not follow it)"));
    }
    verdict.conclude("no response was received");
  }

  /** RC-SPEC-001: the Atlassian validator found nothing wrong with any response. */
  static void conformsToSpec(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.SPEC_CONFORMS);
    for (Exchange e : run.exchanges()) {
      verdict.check(
          e.specErrors().isEmpty(),
          Finding.value(
              e,
              "response (OpenAPI validator)",
              "a " + e.status() + " response the OpenAPI document allows",
              String.join("; ", e.specErrors())));
    }
    verdict.conclude("no response was received");
  }

  /** RC-READ-007: 404 with a JSON object carrying an "error" or "message" string. */
  static void notFound(ContractRun run) {
    Exchange e = run.notFound();
    Verdict verdict = Verdict.of(Rule.READ_NOT_FOUND);
    if (e != null) {
      verdict.check(e.status() == 404, Finding.status(e, "404"));
      var json = e.json();
      verdict.check(
          json != null && (json.path("error").isTextual() || json.path("message").isTextual()),
          Finding.value(
              e,
              "$",
              "a JSON object with an \"error\" or \"message\" string",
              e.body() == null || e.body().isEmpty() ? "(empty body)" : e.body()));
    }
    verdict.conclude("the unknown id was not read");
  }

  /**
   * RC-ERR-002: 500 with a message, in the analyze page's {"message"} or the overview's {"error"}.
   */
  static void serverError(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.ERR_500);
    Exchange e = run.serverError();
    if (run.settings().serverErrorReelUrl() == null) {
      verdict.conclude("no server-error reel URL configured (--server-error-reel-url)");
      return;
    }
    if (e != null) {
      verdict.check(e.status() == 500, Finding.status(e, "500"));
      var json = e.json();
      verdict.check(
          json != null && (json.path("message").isTextual() || json.path("error").isTextual()),
          Finding.value(
              e,
              "$",
              "a JSON object with a \"message\" (analyze page) or \"error\"" + " (overview) string",
              e.body() == null || e.body().isEmpty() ? "(empty body)" : e.body()));
    }
    verdict.conclude("the server-error reel was not submitted");
  }

  /** RC-RATE-001: a 429 says when to retry, in whole seconds. */
  static void retryAfter(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.RATE_RETRY_AFTER);
    for (Exchange e : run.exchanges()) {
      if (e.status() == 429) {
        verdict.check(
            e.retryAfter() != null && e.retryAfter().trim().matches("\\d+"),
            Finding.value(
                e,
                "Retry-After header",
                "a number of seconds",
                e.retryAfter() == null ? "(absent)" : e.retryAfter()));
      }
    }
    verdict.conclude("the server sent no 429 during the run");
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }
}
