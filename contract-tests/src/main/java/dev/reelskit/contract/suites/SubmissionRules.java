package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.rules.Finding;
import dev.reelskit.contract.internal.rules.Verdict;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.openapi.JobLifecycle;
import java.util.HashMap;
import java.util.Map;

/** RC-CREATE-*: what POST /api/v1/reels/analyze answers. */
final class SubmissionRules {

  private SubmissionRules() {}

  /** RC-CREATE-001 for one documented URL form. */
  static void accepted(JobRecord job) {
    if (job.submission() == null) {
      Verdict.of(Rule.CREATE_ACCEPTED).conclude(job.notSubmitted());
      return;
    }
    Verdict.of(Rule.CREATE_ACCEPTED)
        .check(job.submission().status() == 202, Finding.status(job.submission(), "202"))
        .conclude("not submitted");
  }

  /** RC-CREATE-002: every 202 says {id, status: the lifecycle's initial state ("pending")}. */
  static void pending(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.CREATE_PENDING);
    String initial = JobLifecycle.model().initial();
    for (Exchange e : accepted(run)) {
      JsonNode json = e.json();
      verdict.check(
          json != null && json.has("id"), Finding.value(e, "$.id", "present", e.render("/id")));
      verdict.check(
          json != null && initial.equals(json.path("status").textValue()),
          Finding.value(e, "$.status", "\"" + initial + "\"", e.render("/status")));
    }
    verdict.conclude("no submission was accepted");
  }

  /** RC-CREATE-003: every 202's id is a JSON integer. */
  static void integerIds(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.CREATE_INTEGER_ID);
    for (Exchange e : accepted(run)) {
      JsonNode json = e.json();
      verdict.check(
          json != null && json.path("id").isIntegralNumber(),
          Finding.value(e, "$.id", "an integer", e.render("/id")));
    }
    verdict.conclude("no submission was accepted");
  }

  /** RC-CREATE-004: no two submissions got the same id. */
  static void distinctIds(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.CREATE_DISTINCT_IDS);
    Map<String, Exchange> seen = new HashMap<>();
    for (Exchange e : accepted(run)) {
      JsonNode json = e.json();
      if (json == null || !json.has("id")) {
        continue;
      }
      String id = json.get("id").asText();
      Exchange earlier = seen.putIfAbsent(id, e);
      verdict.check(
          earlier == null,
          Finding.value(
              e,
              "$.id",
              "an id not given before",
              id + " (already given to " + (earlier == null ? "" : earlier.label()) + ")"));
    }
    verdict.conclude("fewer than two submissions were accepted");
  }

  /**
   * RC-CREATE-005 for one non-Instagram URL: the analyze page's text, or the errors page's that
   * names the URL's host.
   */
  static void notInstagram(String url, Exchange e) {
    badRequest(Rule.CREATE_NOT_INSTAGRAM, e, DocumentedTexts.notInstagram(url));
  }

  /** RC-CREATE-006. */
  static void urlRequired(Exchange e) {
    badRequest(Rule.CREATE_URL_REQUIRED, e, DocumentedTexts.of("submit-without-url"));
  }

  private static void badRequest(Rule rule, Exchange e, java.util.List<String> messages) {
    if (e == null) {
      Verdict.of(rule).conclude("the request was not sent");
      return;
    }
    Verdict.of(rule)
        .check(e.status() == 400, Finding.status(e, "400"))
        .check(
            e.json() != null
                && (e.json().path("message").isTextual()
                        && messages.contains(e.json().path("message").textValue())
                    || e.json().path("error").isTextual()
                        && messages.contains(e.json().path("error").textValue())),
            Finding.value(
                e,
                "$.message or $.error",
                String.join(" or ", messages.stream().map(m -> "\"" + m + "\"").toList())
                    + " (the analyze and errors pages show"
                    + " \"message\", the overview \"error\"; either is accepted)",
                e.body() == null || e.body().isEmpty() ? "(empty body)" : e.body()))
        .conclude("the request was not sent");
  }

  private static java.util.List<Exchange> accepted(ContractRun run) {
    return run.jobs().stream()
        .map(JobRecord::submission)
        .filter(e -> e != null && e.status() == 202)
        .toList();
  }
}
