package dev.reelskit.contract.suites;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.ReelsJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Fuzzes the runner's judges: any recording a server could cause (any status, content type,
 * Retry-After and body for every submission, poll and probe; job JSON with any field of any type;
 * jobs given up on) is judged by every rule, and each rule must end as a pass, a {@code
 * ContractViolation} or a skip with its reason, never another exception, within a bounded time.
 * Coverage-guided with Jazzer ({@code scripts/fuzz}); in {@code mvn verify} it runs the inputs kept
 * under {@code src/test/resources/.../JudgesFuzzTestInputs/} (every finding is kept there).
 */
class JudgesFuzzTest {

  private static final ContractTestSettings SETTINGS =
      ContractTestSettings.builder("http://judged.invalid", "ist_judgesFuzzToken000000000001")
          .pollInterval(Duration.ofMillis(50))
          .jobTimeout(Duration.ofSeconds(1))
          .unknownToken("ist_judgesFuzzUnknown0000000000")
          .forbiddenToken("ist_judgesFuzzForbidden00000000")
          .build();

  private static final String[] LABELS = {
    "www.instagram.com/reel/<code>/",
    "instagram.com/reel/<code>/",
    "www.instagram.com/p/<code>/",
    "www.instagram.com/reel/<code>/?igsh=..."
  };
  private static final String[] STATUSES = {
    "pending", "processing", "done", "error", "completed", "", "PENDING"
  };
  private static final int[] CODES = {200, 202, 400, 401, 403, 404, 307, 422, 429, 500, 503};
  private static final String[] TYPES = {
    "application/json", "application/json; charset=utf-8", "text/html", "APPLICATION/JSON", ""
  };

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void every_rule_judges_any_recording(FuzzedDataProvider data) {
    List<Exchange> all = new ArrayList<>();
    List<JobRecord> forms = new ArrayList<>();
    for (String label : LABELS) {
      forms.add(job(data, label, "https://www.instagram.com/reel/Fz" + forms.size() + "/", all));
    }
    JobRecord errorJob =
        data.consumeBoolean()
            ? job(data, "error reel", "https://www.instagram.com/reel/ERRORfz/", all)
            : null;
    Map<String, Exchange> notInstagram = new LinkedHashMap<>();
    for (String url :
        List.of("https://example.com/reel/x/", "https://instagram.com.evil.io/reel/x/")) {
      if (data.consumeBoolean()) {
        notInstagram.put(url, exchange(data, "POST", all));
      }
    }
    Exchange urlRequired = data.consumeBoolean() ? exchange(data, "POST", all) : null;
    Exchange notFound = data.consumeBoolean() ? exchange(data, "GET", all) : null;
    Exchange serverError = data.consumeBoolean() ? exchange(data, "POST", all) : null;
    int probes = data.consumeInt(0, 6);
    for (int i = 0; i < probes; i++) {
      exchange(data, data.consumeBoolean() ? "GET" : "POST", all);
    }
    judgeAll(
        ContractRun.recorded(
            SETTINGS, forms, errorJob, notInstagram, urlRequired, notFound, serverError, all));
  }

  /** The spec, its validator and the lifecycle load once, before the first input is timed. */
  @BeforeAll
  static void load_the_spec() {
    judgeAll(
        ContractRun.recorded(SETTINGS, List.of(), null, Map.of(), null, null, null, List.of()));
  }

  /** Every rule, as {@code ReelsApiContract} calls them. */
  private static void judgeAll(ContractRun run) {
    List<JobRecord> forms = run.documentedForms();
    judge(() -> AuthenticationRules.refused(run, Rule.AUTH_MISSING, Auth.NONE));
    judge(() -> AuthenticationRules.refused(run, Rule.AUTH_SCHEME, Auth.WRONG_SCHEME));
    judge(() -> AuthenticationRules.refused(run, Rule.AUTH_NO_SCHEME, Auth.NO_SCHEME));
    judge(() -> AuthenticationRules.refused(run, Rule.AUTH_MALFORMED, Auth.MALFORMED));
    judge(() -> AuthenticationRules.refused(run, Rule.AUTH_UNKNOWN, Auth.UNKNOWN));
    judge(() -> AuthenticationRules.body(run));
    judge(() -> AuthenticationRules.validTokenAccepted(run));
    judge(() -> AuthenticationRules.forbidden(run));
    for (JobRecord form : forms) {
      judge(() -> SubmissionRules.accepted(form));
    }
    judge(() -> SubmissionRules.pending(run));
    judge(() -> SubmissionRules.integerIds(run));
    judge(() -> SubmissionRules.distinctIds(run));
    run.notInstagram().forEach((url, e) -> judge(() -> SubmissionRules.notInstagram(url, e)));
    judge(() -> SubmissionRules.urlRequired(run.urlRequired()));
    judge(() -> JobRules.readable(run));
    judge(() -> JobRules.echo(run));
    judge(() -> JobRules.createdAtFormat(run));
    judge(() -> JobRules.createdAtStable(run));
    judge(() -> JobRules.statusInEnum(run));
    judge(() -> JobRules.invariants(run));
    judge(() -> ResponseRules.notFound(run));
    judge(() -> JobRules.path(run));
    judge(() -> JobRules.terminal(run));
    judge(() -> JobRules.immutable(run));
    judge(() -> JobRules.errorJob(run));
    judge(() -> ResponseRules.serverError(run));
    judge(() -> ResponseRules.retryAfter(run));
    judge(() -> ResponseRules.json(run));
    judge(() -> ResponseRules.noRedirect(run));
    judge(() -> ResponseRules.conformsToSpec(run));
  }

  /** A rule may pass, fail with its violation, or skip with a reason; anything else escapes. */
  private static void judge(Runnable rule) {
    try {
      rule.run();
    } catch (AssertionFailedError | TestAbortedException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new IllegalStateException("a verdict without a message", expected);
      }
    }
  }

  /** A job as the scheduler records it: the 202 (or not), then its polls. */
  private static JobRecord job(
      FuzzedDataProvider data, String label, String url, List<Exchange> all) {
    JobRecord job = new JobRecord(label, url);
    Exchange submission = exchange(data, "POST", all);
    JsonNode json = submission.json();
    JsonNode id = json == null ? null : json.get("id");
    boolean created =
        submission.status() == 202 && id != null && (id.isIntegralNumber() || id.isTextual());
    job.submitted(submission, created ? id.asText() : null);
    if (created) {
      int polls = data.consumeInt(0, 7);
      for (int i = 0; i < polls; i++) {
        Exchange poll = exchange(data, "GET", all);
        JsonNode body = poll.json();
        job.polled(
            poll,
            poll.status() == 200 && body != null && body.path("status").isTextual()
                ? body.path("status").asText()
                : null);
      }
      job.timedOut(data.consumeBoolean());
    }
    return job;
  }

  private static Exchange exchange(FuzzedDataProvider data, String method, List<Exchange> all) {
    int status = data.consumeBoolean() ? data.pickValue(CODES) : data.consumeInt(100, 599);
    String type = data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(40);
    String retryAfter =
        status == 429 && data.consumeBoolean()
            ? data.consumeBoolean()
                ? String.valueOf(data.consumeInt(-5, 120))
                : data.consumeString(20)
            : null;
    String body = data.consumeBoolean() ? json(data) : data.consumeString(300);
    List<String> specErrors = data.consumeBoolean() ? List.of() : List.of(data.consumeString(60));
    Exchange e =
        new Exchange(
            "fuzzed",
            data.pickValue(Auth.values()),
            method,
            "http://judged.invalid/api/v1/reels/" + data.consumeInt(0, 9),
            List.of("Authorization: Bearer ****0001"),
            null,
            status,
            type,
            retryAfter,
            body,
            data.consumeLong(0, 10_000),
            specErrors,
            data.consumeBoolean() ? null : data.consumeString(10),
            data.consumeBoolean() ? null : data.consumeString(40));
    all.add(e);
    return e;
  }

  /** A job-shaped JSON object whose fields take any value and type, sometimes left out. */
  private static String json(FuzzedDataProvider data) {
    ObjectNode node = ReelsJson.mapper().createObjectNode();
    switch (data.consumeInt(0, 3)) {
      case 0 -> node.put("id", data.consumeInt(0, 3));
      case 1 -> node.put("id", data.consumeString(12));
      case 2 -> node.putNull("id");
      default -> {}
    }
    if (data.consumeBoolean()) {
      node.put(
          "url",
          data.consumeBoolean() ? "https://www.instagram.com/reel/Fz0/" : data.consumeString(40));
    }
    switch (data.consumeInt(0, 2)) {
      case 0 -> node.put("status", data.pickValue(STATUSES));
      case 1 -> node.put("status", data.consumeInt());
      default -> {}
    }
    switch (data.consumeInt(0, 3)) {
      case 0 -> node.putNull("error");
      case 1 -> node.put("error", data.consumeString(30));
      case 2 -> node.put("error", data.consumeBoolean());
      default -> {}
    }
    switch (data.consumeInt(0, 4)) {
      case 0 -> node.putNull("result");
      case 1 -> node.set("result", ReelsApiSpec.get().example("JobDoneCooking").get("result"));
      case 2 -> node.putObject("result").put(data.consumeString(10), data.consumeString(20));
      case 3 -> node.putArray("result").add(data.consumeInt());
      default -> {}
    }
    switch (data.consumeInt(0, 2)) {
      case 0 -> node.put("created_at", "2026-05-22T08:0" + data.consumeInt(0, 9) + ":00Z");
      case 1 -> node.put("created_at", data.consumeString(30));
      default -> {}
    }
    if (data.consumeBoolean()) {
      node.put("message", data.consumeString(30));
    }
    return node.toString();
  }
}
