package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.openapi.ReelsJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Every rule judged on hand-made recordings, no server: the recording a correct server causes
 * passes, and each way a server can break one clause fails that rule (and only it is asked), with
 * the clause's evidence; a rule with nothing to judge skips with its reason. Fast enough for PIT to
 * run per mutant (the suites over HTTP are minutes per mutant): this class is what makes the
 * mutation score of the contract rules mean something (docs/testing.md#mutation-score).
 */
class RuleJudgesTest {

  private static final ContractTestSettings SETTINGS =
      ContractTestSettings.builder("http://judged.invalid", "ist_ruleJudgesToken0000000000001")
          .pollInterval(Duration.ofMillis(50))
          .jobTimeout(Duration.ofSeconds(7))
          .unknownToken("ist_ruleJudgesUnknown00000000001")
          .forbiddenToken("ist_ruleJudgesForbidden0000000001")
          .build();

  private static final String AT = "2026-05-22T10:00:00Z";
  private static final String INVALID = DocumentedTexts.unauthorized(true).get(0);
  private static final String NO_TOKEN =
      DocumentedTexts.unauthorized(false).stream()
          .filter(t -> !DocumentedTexts.unauthorized(true).contains(t))
          .findFirst()
          .orElseThrow();

  // ---------------------------------------------------------------- recordings

  private static Exchange ex(Auth auth, String method, int status, String body) {
    return ex(auth, method, status, "application/json", null, body, List.of());
  }

  private static Exchange ex(
      Auth auth,
      String method,
      int status,
      String type,
      String retryAfter,
      String body,
      List<String> specErrors) {
    return new Exchange(
        method + " " + status,
        auth,
        method,
        "http://judged.invalid/api/v1/reels/1",
        List.of("Authorization: Bearer ****0001"),
        null,
        status,
        type,
        retryAfter,
        body,
        10,
        specErrors,
        null,
        null);
  }

  private static Exchange get(int status, String body) {
    return ex(Auth.VALID, "GET", status, body);
  }

  /** A job body; null values are written as JSON null, {@link #ABSENT} leaves the field out. */
  private static String job(Object id, Object url, Object status, Object error, Object result) {
    return job(id, url, status, error, result, AT);
  }

  private static final Object ABSENT = new Object();

  private static String job(
      Object id, Object url, Object status, Object error, Object result, Object createdAt) {
    ObjectNode node = ReelsJson.mapper().createObjectNode();
    put(node, "id", id);
    put(node, "url", url);
    put(node, "status", status);
    put(node, "error", error);
    put(node, "result", result);
    put(node, "created_at", createdAt);
    return node.toString();
  }

  private static void put(ObjectNode node, String field, Object value) {
    if (value == ABSENT) {
      return;
    }
    node.set(field, ReelsJson.mapper().valueToTree(value));
  }

  private static final Map<String, Object> RESULT = Map.of("summary", "a reel", "tags", List.of(1));

  /** A job as the scheduler records it; the status read only from a 200 job body. */
  private static JobRecord record(String url, Exchange submission, Exchange... polls) {
    JobRecord job = new JobRecord("label of " + url, url);
    JsonNode json = submission.json();
    boolean created = submission.status() == 202 && json != null && json.has("id");
    job.submitted(submission, created ? json.get("id").asText() : null);
    for (Exchange poll : polls) {
      JsonNode body = poll.json();
      job.polled(
          poll,
          poll.status() == 200 && body != null && body.path("status").isTextual()
              ? body.path("status").asText()
              : null);
    }
    return job;
  }

  private static Exchange accepted(Object id) {
    return ex(Auth.VALID, "POST", 202, "{\"id\":" + id + ",\"status\":\"pending\"}");
  }

  private static final String URL_1 = "https://www.instagram.com/reel/One/";
  private static final String URL_2 = "https://www.instagram.com/reel/Two/";

  /** A job a correct server runs: pending, processing, done, then two re-polls. */
  private static JobRecord goodJob(int id, String url) {
    return record(
        url,
        accepted(id),
        get(200, job(id, url, "pending", null, null)),
        get(200, job(id, url, "processing", null, null)),
        get(200, job(id, url, "done", null, RESULT)),
        get(200, job(id, url, "done", null, RESULT)),
        get(200, job(id, url, "done", null, RESULT)));
  }

  private static ContractRun run(List<JobRecord> forms, List<Exchange> exchanges) {
    return run(SETTINGS, forms, null, exchanges);
  }

  private static ContractRun run(
      ContractTestSettings settings,
      List<JobRecord> forms,
      JobRecord errorJob,
      List<Exchange> exchanges) {
    return ContractRun.recorded(settings, forms, errorJob, Map.of(), null, null, null, exchanges);
  }

  private static ContractRun jobs(JobRecord... forms) {
    return run(List.of(forms), List.of());
  }

  private static ContractRun exchanges(Exchange... all) {
    return run(List.of(), List.of(all));
  }

  /** {"field": text}, the text escaped as JSON. */
  private static String said(String field, String text) {
    return "{\"" + field + "\":" + quoted(text) + "}";
  }

  private static String quoted(String text) {
    return ReelsJson.mapper().getNodeFactory().textNode(text).toString();
  }

  // ---------------------------------------------------------------- verdicts

  private static void passes(Runnable rule) {
    assertThatCode(rule::run).doesNotThrowAnyException();
  }

  private static String fails(Rule rule, Runnable judge) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(judge::run);
    assertThat(thrown).as("%s on a recording that breaks it", rule.id()).isNotNull();
    assertThat(thrown).isInstanceOf(ContractViolation.class);
    assertThat(((ContractViolation) thrown).rule()).isEqualTo(rule);
    return thrown.getMessage();
  }

  private static void skips(Runnable rule, String reason) {
    assertThatThrownBy(rule::run)
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("skipped: " + reason);
  }

  // ---------------------------------------------------------------- RC-AUTH

  @Nested
  class Authentication {

    private final Exchange valid = accepted(1);

    @Test
    void a_refused_request_passes_and_an_accepted_one_fails() {
      for (Auth auth : List.of(Auth.NONE, Auth.WRONG_SCHEME, Auth.NO_SCHEME, Auth.MALFORMED)) {
        Rule rule =
            switch (auth) {
              case NONE -> Rule.AUTH_MISSING;
              case WRONG_SCHEME -> Rule.AUTH_SCHEME;
              case NO_SCHEME -> Rule.AUTH_NO_SCHEME;
              default -> Rule.AUTH_MALFORMED;
            };
        Exchange refused = ex(auth, "POST", 401, "{\"error\":\"" + INVALID + "\"}");
        passes(() -> AuthenticationRules.refused(exchanges(valid, refused), rule, auth));
        Exchange let = ex(auth, "POST", 202, "{\"id\":9,\"status\":\"pending\"}");
        assertThat(
                fails(rule, () -> AuthenticationRules.refused(exchanges(refused, let), rule, auth)))
            .contains("expected  401")
            .contains("actual    202");
        skips(
            () -> AuthenticationRules.refused(exchanges(valid), rule, auth),
            "no request was sent with " + auth);
      }
      skips(
          () -> AuthenticationRules.refused(exchanges(valid), Rule.AUTH_UNKNOWN, Auth.UNKNOWN),
          "no unknown token configured (--unknown-token)");
    }

    @Test
    void every_401_carries_a_documented_text_for_how_it_was_sent() {
      Exchange bearer = ex(Auth.MALFORMED, "GET", 401, "{\"error\":\"" + INVALID + "\"}");
      passes(() -> AuthenticationRules.body(exchanges(valid, bearer)));
      for (Auth without : List.of(Auth.NONE, Auth.WRONG_SCHEME, Auth.NO_SCHEME)) {
        passes(
            () ->
                AuthenticationRules.body(
                    exchanges(ex(without, "GET", 401, "{\"error\":\"" + NO_TOKEN + "\"}"))));
        passes(
            () ->
                AuthenticationRules.body(
                    exchanges(ex(without, "GET", 401, "{\"error\":\"" + INVALID + "\"}"))));
      }
      for (Auth with : List.of(Auth.MALFORMED, Auth.UNKNOWN, Auth.VALID, Auth.FORBIDDEN)) {
        assertThat(
                fails(
                    Rule.AUTH_BODY,
                    () ->
                        AuthenticationRules.body(
                            exchanges(ex(with, "GET", 401, "{\"error\":\"" + NO_TOKEN + "\"}")))))
            .contains("expected  \"" + INVALID + "\"");
      }
      assertThat(
              fails(
                  Rule.AUTH_BODY,
                  () -> AuthenticationRules.body(exchanges(ex(Auth.NONE, "GET", 401, "nope")))))
          .contains("expected  one of \"")
          .contains("actual    (not JSON)");
      fails(
          Rule.AUTH_BODY,
          () -> AuthenticationRules.body(exchanges(ex(Auth.NONE, "GET", 401, "{\"error\":7}"))));
      fails(
          Rule.AUTH_BODY,
          () ->
              AuthenticationRules.body(
                  exchanges(ex(Auth.NONE, "GET", 401, "{\"message\":\"" + INVALID + "\"}"))));
      skips(() -> AuthenticationRules.body(exchanges(valid)), "the server answered no request");
    }

    @Test
    void the_token_without_permission_gets_403_with_an_error_body() {
      for (String body : List.of("{\"error\":\"forbidden\"}", "{\"message\":\"forbidden\"}")) {
        passes(
            () ->
                AuthenticationRules.forbidden(
                    exchanges(
                        valid,
                        ex(Auth.FORBIDDEN, "GET", 429, "{}"),
                        ex(Auth.FORBIDDEN, "GET", 403, body))));
      }
      assertThat(
              fails(
                  Rule.AUTH_FORBIDDEN,
                  () ->
                      AuthenticationRules.forbidden(exchanges(ex(Auth.FORBIDDEN, "GET", 403, "")))))
          .contains("actual    (empty body)");
      assertThat(
              fails(
                  Rule.AUTH_FORBIDDEN,
                  () ->
                      AuthenticationRules.forbidden(
                          exchanges(ex(Auth.FORBIDDEN, "GET", 403, "{\"error\":1}")))))
          .contains("actual    {\"error\":1}");
      assertThat(
              fails(
                  Rule.AUTH_FORBIDDEN,
                  () ->
                      AuthenticationRules.forbidden(
                          exchanges(ex(Auth.FORBIDDEN, "GET", 403, null)))))
          .contains("actual    (empty body)");
      assertThat(
              fails(
                  Rule.AUTH_FORBIDDEN,
                  () ->
                      AuthenticationRules.forbidden(
                          exchanges(ex(Auth.FORBIDDEN, "GET", 200, "{\"error\":\"x\"}")))))
          .contains("403 (the token is valid but lacks the permission)")
          .doesNotContain("\"error\" or \"message\" string");
      skips(
          () ->
              AuthenticationRules.forbidden(exchanges(valid, ex(Auth.FORBIDDEN, "GET", 429, "{}"))),
          "no request with the token without permission was answered (only 429s)");
      ContractTestSettings none =
          ContractTestSettings.builder("http://judged.invalid", "ist_ruleJudgesToken0000000000001")
              .build();
      skips(
          () ->
              AuthenticationRules.forbidden(
                  run(none, List.of(), null, List.of(ex(Auth.FORBIDDEN, "GET", 200, "{}")))),
          "no token without permission configured");
    }

    @Test
    void the_valid_token_is_never_refused() {
      passes(
          () ->
              AuthenticationRules.validTokenAccepted(
                  exchanges(valid, ex(Auth.NONE, "GET", 401, "{}"), get(404, "{}"))));
      for (int refused : new int[] {401, 403}) {
        fails(
            Rule.AUTH_VALID,
            () -> AuthenticationRules.validTokenAccepted(exchanges(valid, get(refused, "{}"))));
      }
      skips(
          () -> AuthenticationRules.validTokenAccepted(exchanges(ex(Auth.NONE, "GET", 401, "{}"))),
          "no request was sent with the valid token");
    }
  }

  // ---------------------------------------------------------------- RC-CREATE

  @Nested
  class Submission {

    @Test
    void each_documented_form_is_accepted_with_202() {
      passes(() -> SubmissionRules.accepted(record(URL_1, accepted(1))));
      assertThat(
              fails(
                  Rule.CREATE_ACCEPTED,
                  () ->
                      SubmissionRules.accepted(
                          record(URL_1, ex(Auth.VALID, "POST", 400, "{\"message\":\"no\"}")))))
          .contains("expected  202");
      JobRecord never = new JobRecord("form", URL_1);
      never.notSubmitted("the budget ran out");
      skips(() -> SubmissionRules.accepted(never), "the budget ran out");
    }

    @Test
    void a_202_says_its_id_and_pending() {
      JobRecord refused = record(URL_2, ex(Auth.VALID, "POST", 400, "not json"));
      passes(() -> SubmissionRules.pending(jobs(goodJob(1, URL_1), refused)));
      assertThat(
              fails(
                  Rule.CREATE_PENDING,
                  () ->
                      SubmissionRules.pending(
                          jobs(
                              record(
                                  URL_1,
                                  ex(Auth.VALID, "POST", 202, "{\"status\":\"pending\"}"))))))
          .contains("$.id");
      assertThat(
              fails(
                  Rule.CREATE_PENDING,
                  () ->
                      SubmissionRules.pending(
                          jobs(
                              record(
                                  URL_1,
                                  ex(Auth.VALID, "POST", 202, "{\"id\":1,\"status\":\"done\"}"))))))
          .contains("expected  \"pending\"");
      assertThat(
              fails(
                  Rule.CREATE_PENDING,
                  () ->
                      SubmissionRules.pending(
                          jobs(record(URL_1, ex(Auth.VALID, "POST", 202, "accepted"))))))
          .contains("2 checks failed");
      skips(() -> SubmissionRules.pending(jobs(refused)), "no submission was accepted");
    }

    @Test
    void ids_are_json_integers() {
      passes(() -> SubmissionRules.integerIds(jobs(goodJob(1, URL_1))));
      for (String id : List.of("\"1\"", "1.5", "null")) {
        fails(
            Rule.CREATE_INTEGER_ID,
            () -> SubmissionRules.integerIds(jobs(record(URL_1, accepted(id)))));
      }
      fails(
          Rule.CREATE_INTEGER_ID,
          () ->
              SubmissionRules.integerIds(
                  jobs(record(URL_1, ex(Auth.VALID, "POST", 202, "<html>")))));
      skips(
          () ->
              SubmissionRules.integerIds(
                  jobs(record(URL_1, ex(Auth.VALID, "POST", 201, "{\"id\":1}")))),
          "no submission was accepted");
    }

    @Test
    void no_two_submissions_share_an_id() {
      passes(() -> SubmissionRules.distinctIds(jobs(goodJob(1, URL_1), goodJob(2, URL_2))));
      JobRecord idless = record(URL_2, ex(Auth.VALID, "POST", 202, "{\"status\":\"pending\"}"));
      passes(() -> SubmissionRules.distinctIds(jobs(goodJob(1, URL_1), idless)));
      assertThat(
              fails(
                  Rule.CREATE_DISTINCT_IDS,
                  () -> SubmissionRules.distinctIds(jobs(goodJob(1, URL_1), goodJob(1, URL_2)))))
          .contains("1 (already given to POST 202)");
      skips(
          () -> SubmissionRules.distinctIds(jobs(idless)),
          "fewer than two submissions were accepted");
    }

    @Test
    void a_url_that_is_not_instagram_gets_400_with_a_documented_text() {
      String url = "https://example.com/reel/x/";
      List<String> texts = DocumentedTexts.notInstagram(url);
      for (String text : texts) {
        for (String field : List.of("message", "error")) {
          passes(
              () ->
                  SubmissionRules.notInstagram(
                      url, ex(Auth.VALID, "POST", 400, said(field, text))));
        }
      }
      passes(
          () ->
              SubmissionRules.notInstagram(
                  url,
                  ex(
                      Auth.VALID,
                      "POST",
                      400,
                      "{\"message\":1,\"error\":" + quoted(texts.get(0)) + "}")));
      fails(
          Rule.CREATE_NOT_INSTAGRAM,
          () ->
              SubmissionRules.notInstagram(
                  url, ex(Auth.VALID, "POST", 422, said("message", texts.get(0)))));
      assertThat(
              fails(
                  Rule.CREATE_NOT_INSTAGRAM,
                  () ->
                      SubmissionRules.notInstagram(
                          url,
                          ex(Auth.VALID, "POST", 400, "{\"message\":\"bad url\",\"error\":2}"))))
          .contains("expected  \"" + texts.get(0) + "\" or ")
          .contains("actual    {\"message\":\"bad url\",\"error\":2}");
      assertThat(
              fails(
                  Rule.CREATE_NOT_INSTAGRAM,
                  () -> SubmissionRules.notInstagram(url, ex(Auth.VALID, "POST", 400, null))))
          .contains("actual    (empty body)");
      assertThat(
              fails(
                  Rule.CREATE_NOT_INSTAGRAM,
                  () -> SubmissionRules.notInstagram(url, ex(Auth.VALID, "POST", 400, ""))))
          .contains("actual    (empty body)");
      skips(() -> SubmissionRules.notInstagram(url, null), "the request was not sent");
    }

    @Test
    void a_submission_without_url_gets_400_with_a_documented_text() {
      String text = DocumentedTexts.of("submit-without-url").get(0);
      passes(
          () ->
              SubmissionRules.urlRequired(
                  ex(Auth.VALID, "POST", 400, "{\"error\":\"" + text + "\"}")));
      assertThat(
              fails(
                  Rule.CREATE_URL_REQUIRED,
                  () ->
                      SubmissionRules.urlRequired(
                          ex(Auth.VALID, "POST", 400, said("error", text + "!")))))
          .contains("expected  \"" + text + "\" (the analyze and errors pages show");
      skips(() -> SubmissionRules.urlRequired(null), "the request was not sent");
    }
  }

  // ---------------------------------------------------------------- RC-HTTP, SPEC, READ-007,
  // ERR-002, RATE

  @Nested
  class Responses {

    private Exchange typed(String type) {
      return ex(Auth.VALID, "GET", 200, type, null, "{}", List.of());
    }

    @Test
    void every_response_is_application_json() {
      passes(
          () ->
              ResponseRules.json(
                  exchanges(
                      typed("application/json"),
                      typed("application/json; charset=utf-8"),
                      typed(" APPLICATION/JSON ;q=1"))));
      for (String type : List.of("text/html", "application/jsonx", "application/problem+json")) {
        fails(Rule.HTTP_JSON, () -> ResponseRules.json(exchanges(typed(type))));
      }
      assertThat(fails(Rule.HTTP_JSON, () -> ResponseRules.json(exchanges(typed(null)))))
          .contains("actual    (absent)");
      skips(() -> ResponseRules.json(exchanges()), "no response was received");
    }

    @Test
    void no_response_is_a_redirect() {
      passes(
          () ->
              ResponseRules.noRedirect(
                  exchanges(get(200, "{}"), get(299, "{}"), get(400, "{}"), get(404, "{}"))));
      for (int status : new int[] {300, 307, 399}) {
        fails(Rule.HTTP_NO_REDIRECT, () -> ResponseRules.noRedirect(exchanges(get(status, "{}"))));
      }
      skips(() -> ResponseRules.noRedirect(exchanges()), "no response was received");
    }

    @Test
    void every_response_conforms_to_the_spec() {
      passes(() -> ResponseRules.conformsToSpec(exchanges(get(200, "{}"))));
      assertThat(
              fails(
                  Rule.SPEC_CONFORMS,
                  () ->
                      ResponseRules.conformsToSpec(
                          exchanges(
                              ex(
                                  Auth.VALID,
                                  "GET",
                                  200,
                                  "application/json",
                                  null,
                                  "{}",
                                  List.of("id is required", "url is required"))))))
          .contains("id is required; url is required");
      skips(() -> ResponseRules.conformsToSpec(exchanges()), "no response was received");
    }

    private ContractRun notFound(Exchange e) {
      return ContractRun.recorded(SETTINGS, List.of(), null, Map.of(), null, e, null, List.of());
    }

    @Test
    void an_unknown_id_is_404_with_an_error_body() {
      passes(() -> ResponseRules.notFound(notFound(get(404, "{\"error\":\"Reel not found\"}"))));
      passes(() -> ResponseRules.notFound(notFound(get(404, "{\"message\":\"not found\"}"))));
      fails(
          Rule.READ_NOT_FOUND,
          () -> ResponseRules.notFound(notFound(get(200, "{\"error\":\"Reel not found\"}"))));
      assertThat(fails(Rule.READ_NOT_FOUND, () -> ResponseRules.notFound(notFound(get(404, "")))))
          .contains("(empty body)");
      assertThat(
              fails(
                  Rule.READ_NOT_FOUND,
                  () -> ResponseRules.notFound(notFound(get(404, "{\"error\":{\"m\":1}}")))))
          .contains("actual    {\"error\":{\"m\":1}}");
      assertThat(fails(Rule.READ_NOT_FOUND, () -> ResponseRules.notFound(notFound(get(404, null)))))
          .contains("actual    (empty body)");
      skips(() -> ResponseRules.notFound(notFound(null)), "the unknown id was not read");
    }

    private ContractRun serverError(ContractTestSettings settings, Exchange e) {
      return ContractRun.recorded(settings, List.of(), null, Map.of(), null, null, e, List.of());
    }

    @Test
    void a_server_failure_is_500_with_an_error_body() {
      Exchange good = ex(Auth.VALID, "POST", 500, "{\"message\":\"Internal error\"}");
      passes(() -> ResponseRules.serverError(serverError(SETTINGS, good)));
      passes(
          () ->
              ResponseRules.serverError(
                  serverError(SETTINGS, ex(Auth.VALID, "POST", 500, "{\"error\":\"boom\"}"))));
      fails(
          Rule.ERR_500,
          () ->
              ResponseRules.serverError(
                  serverError(SETTINGS, ex(Auth.VALID, "POST", 502, "{\"message\":\"x\"}"))));
      assertThat(
              fails(
                  Rule.ERR_500,
                  () ->
                      ResponseRules.serverError(
                          serverError(SETTINGS, ex(Auth.VALID, "POST", 500, "")))))
          .contains("(empty body)");
      assertThat(
              fails(
                  Rule.ERR_500,
                  () ->
                      ResponseRules.serverError(
                          serverError(SETTINGS, ex(Auth.VALID, "POST", 500, "{\"message\":[]}")))))
          .contains("actual    {\"message\":[]}");
      assertThat(
              fails(
                  Rule.ERR_500,
                  () ->
                      ResponseRules.serverError(
                          serverError(SETTINGS, ex(Auth.VALID, "POST", 500, null)))))
          .contains("actual    (empty body)");
      skips(
          () -> ResponseRules.serverError(serverError(SETTINGS, null)),
          "the server-error reel was not submitted");
      ContractTestSettings none = SETTINGS.toBuilder().serverErrorReelUrl(null).build();
      skips(
          () -> ResponseRules.serverError(serverError(none, get(200, "{}"))),
          "no server-error reel URL configured");
    }

    private Exchange limited(String retryAfter) {
      return ex(Auth.VALID, "GET", 429, "application/json", retryAfter, "{}", List.of());
    }

    @Test
    void a_429_says_when_to_retry_in_whole_seconds() {
      passes(() -> ResponseRules.retryAfter(exchanges(get(200, "{}"), limited("2"))));
      passes(() -> ResponseRules.retryAfter(exchanges(limited(" 30 "))));
      for (String wrong : List.of("2.5", "-1", "", "Wed, 21 Oct 2026 07:28:00 GMT")) {
        fails(Rule.RATE_RETRY_AFTER, () -> ResponseRules.retryAfter(exchanges(limited(wrong))));
      }
      assertThat(
              fails(
                  Rule.RATE_RETRY_AFTER, () -> ResponseRules.retryAfter(exchanges(limited(null)))))
          .contains("actual    (absent)");
      skips(
          () -> ResponseRules.retryAfter(exchanges(get(200, "{}"))),
          "the server sent no 429 during the run");
    }
  }

  // ---------------------------------------------------------------- RC-READ-001..006, RC-LIFE,
  // RC-ERR-001

  @Nested
  class Jobs {

    private final JobRecord good = goodJob(1, URL_1);

    private JobRecord polled(Exchange... polls) {
      return record(URL_1, accepted(1), polls);
    }

    private Exchange read(String status, Object error, Object result) {
      return get(200, job(1, URL_1, status, error, result));
    }

    @Test
    void every_poll_of_a_created_job_is_200() {
      passes(() -> JobRules.readable(jobs(good)));
      assertThat(
              fails(
                  Rule.READ_OK,
                  () ->
                      JobRules.readable(jobs(polled(read("pending", null, null), get(500, "{}"))))))
          .contains("expected  200")
          .contains("job       1 (label of " + URL_1 + ")");
      skips(() -> JobRules.readable(jobs(polled())), "no job was created");
    }

    @Test
    void a_job_echoes_its_id_and_url() {
      passes(() -> JobRules.echo(jobs(good, goodJob(2, URL_2))));
      fails(
          Rule.READ_ECHO,
          () -> JobRules.echo(jobs(polled(get(200, job("1", URL_1, "pending", null, null))))));
      fails(
          Rule.READ_ECHO,
          () -> JobRules.echo(jobs(polled(get(200, job(2, URL_1, "pending", null, null))))));
      assertThat(
              fails(
                  Rule.READ_ECHO,
                  () ->
                      JobRules.echo(jobs(polled(get(200, job(1, URL_2, "pending", null, null)))))))
          .contains("expected  \"" + URL_1 + "\"");
      fails(
          Rule.READ_ECHO,
          () -> JobRules.echo(jobs(polled(get(200, job(1, ABSENT, "pending", null, null))))));
      skips(() -> JobRules.echo(jobs(polled(get(200, "[1]"), get(404, "{}")))), "no job");
    }

    @Test
    void created_at_is_an_iso_timestamp() {
      passes(() -> JobRules.createdAtFormat(jobs(good)));
      for (Object at :
          List.of(
              "2026-05-22T10:00:00+02:00", "2026-05-22T10:00", "2026-05-22T10:00:00.123+0200")) {
        passes(
            () ->
                JobRules.createdAtFormat(
                    jobs(polled(get(200, job(1, URL_1, "pending", null, null, at))))));
      }
      for (Object at : List.of("yesterday", "2026-05-22", 1747908000, "2026-02-30T10:00:00Z")) {
        fails(
            Rule.READ_CREATED_AT,
            () ->
                JobRules.createdAtFormat(
                    jobs(polled(get(200, job(1, URL_1, "pending", null, null, at))))));
      }
      fails(
          Rule.READ_CREATED_AT,
          () ->
              JobRules.createdAtFormat(
                  jobs(polled(get(200, job(1, URL_1, "pending", null, null, ABSENT))))));
      skips(() -> JobRules.createdAtFormat(jobs()), "no job");
    }

    private Exchange at(Object createdAt) {
      return get(200, job(1, URL_1, "pending", null, null, createdAt));
    }

    @Test
    void created_at_names_the_same_instant_on_every_read() {
      passes(() -> JobRules.createdAtStable(jobs(good)));
      passes(
          () ->
              JobRules.createdAtStable(
                  jobs(
                      polled(
                          at(AT),
                          at("2026-05-22T12:00:00+02"),
                          at("2026-05-22T12:00:00+0200"),
                          at("2026-05-22T07:30:00-02:30")))));
      passes(
          () ->
              JobRules.createdAtStable(
                  jobs(polled(at(AT), get(503, "{}"), at("2026-05-22T12:00:00+02:00")))));
      passes(
          () ->
              JobRules.createdAtStable(
                  jobs(polled(at("2026-05-22T12:00"), at("2026-05-22T12:00:00")))));
      passes(() -> JobRules.createdAtStable(jobs(polled(at("soon"), at("soon")))));
      assertThat(
              fails(
                  Rule.READ_CREATED_AT_STABLE,
                  () -> JobRules.createdAtStable(jobs(polled(at(AT), at("2026-05-22T10:00:01Z"))))))
          .contains("expected  \"" + AT + "\"");
      fails(
          Rule.READ_CREATED_AT_STABLE,
          () -> JobRules.createdAtStable(jobs(polled(at("soon"), at("later")))));
      fails(
          Rule.READ_CREATED_AT_STABLE,
          () -> JobRules.createdAtStable(jobs(polled(at("2026-05-22T10:00:00"), at(AT)))));
      fails(
          Rule.READ_CREATED_AT_STABLE,
          () -> JobRules.createdAtStable(jobs(polled(at(AT), at("2026-05-22T10:00:00")))));
      fails(
          Rule.READ_CREATED_AT_STABLE,
          () ->
              JobRules.createdAtStable(
                  jobs(polled(at("2026-05-22T10:00"), at("2026-05-22T10:01")))));
      fails(
          Rule.READ_CREATED_AT_STABLE,
          () -> JobRules.createdAtStable(jobs(polled(at("soon"), at(AT)))));
      skips(() -> JobRules.createdAtStable(jobs(polled(at(AT)))), "no job");
    }

    @Test
    void status_is_a_lifecycle_state() {
      passes(() -> JobRules.statusInEnum(jobs(good)));
      for (String status : List.of("completed", "PENDING", "")) {
        assertThat(
                fails(
                    Rule.READ_STATUS_ENUM,
                    () -> JobRules.statusInEnum(jobs(polled(read(status, null, null))))))
            .contains("one of [pending, processing, done, error]");
      }
      fails(
          Rule.READ_STATUS_ENUM,
          () -> JobRules.statusInEnum(jobs(polled(get(200, job(1, URL_1, ABSENT, null, null))))));
      skips(() -> JobRules.statusInEnum(jobs()), "no job");
    }

    @Test
    void error_and_result_are_set_exactly_where_the_lifecycle_says() {
      passes(() -> JobRules.invariants(jobs(good)));
      passes(
          () ->
              JobRules.invariants(
                  jobs(
                      polled(
                          read("pending", ABSENT, ABSENT),
                          read("error", "Private reel", ABSENT),
                          read("completed", 1, 2)))));
      assertThat(
              fails(
                  Rule.READ_INVARIANTS,
                  () -> JobRules.invariants(jobs(polled(read("pending", null, RESULT))))))
          .contains("null when status is pending");
      fails(
          Rule.READ_INVARIANTS,
          () -> JobRules.invariants(jobs(polled(read("processing", "oops", null)))));
      assertThat(
              fails(
                  Rule.READ_INVARIANTS,
                  () -> JobRules.invariants(jobs(polled(read("done", null, null))))))
          .contains("an object when status is done");
      fails(
          Rule.READ_INVARIANTS,
          () -> JobRules.invariants(jobs(polled(read("done", null, "text")))));
      fails(
          Rule.READ_INVARIANTS, () -> JobRules.invariants(jobs(polled(read("done", "x", RESULT)))));
      for (Object reason : java.util.Arrays.asList(null, " ", 5)) {
        assertThat(
                fails(
                    Rule.READ_INVARIANTS,
                    () -> JobRules.invariants(jobs(polled(read("error", reason, null))))))
            .contains("a non-empty reason when status is error");
      }
      skips(() -> JobRules.invariants(jobs(polled(read("completed", 1, 2)))), "no job");
      skips(() -> JobRules.invariants(jobs(polled(get(200, "{\"id\":1}")))), "no job");
    }

    @Test
    void statuses_follow_the_documented_graph() {
      passes(() -> JobRules.path(jobs(good)));
      passes(
          () ->
              JobRules.path(
                  jobs(
                      polled(
                          read("pending", null, null),
                          read("completed", null, null),
                          get(500, "{}"),
                          read("pending", null, null),
                          read("error", "x", null)))));
      passes(() -> JobRules.path(jobs(polled(read("done", null, RESULT)))));
      assertThat(
              fails(
                  Rule.LIFE_PATH,
                  () ->
                      JobRules.path(
                          jobs(polled(read("done", null, RESULT), read("pending", null, null))))))
          .contains("a status reachable from done (documented graph: pending -> processing")
          .contains("actual    \"pending\"");
      fails(
          Rule.LIFE_PATH,
          () ->
              JobRules.path(
                  jobs(polled(read("processing", null, null), read("pending", null, null)))));
      skips(() -> JobRules.path(jobs(polled(read("nope", null, null)))), "no job");
    }

    @Test
    void every_job_ends_before_the_timeout() {
      passes(() -> JobRules.terminal(jobs(good)));
      JobRecord stuck = polled(read("pending", null, null), read("processing", null, null));
      stuck.timedOut(true);
      assertThat(fails(Rule.LIFE_TERMINAL, () -> JobRules.terminal(jobs(good, stuck))))
          .contains("done or error within 7000 ms")
          .contains("actual    \"processing\"");
      JobRecord failing = polled(get(503, "{}"));
      failing.timedOut(true);
      assertThat(fails(Rule.LIFE_TERMINAL, () -> JobRules.terminal(jobs(failing))))
          .contains("actual    HTTP 503");
      JobRecord unread = polled();
      unread.timedOut(true);
      JobRecord refused = record(URL_2, ex(Auth.VALID, "POST", 400, "{}"));
      skips(() -> JobRules.terminal(jobs(unread, refused)), "no job");
    }

    @Test
    void a_finished_job_never_changes() {
      passes(() -> JobRules.immutable(jobs(good)));
      Map<String, Object> changed = Map.of("summary", "another reel", "tags", List.of(1));
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(
                              polled(
                                  read("done", null, RESULT),
                                  read("done", null, RESULT),
                                  read("done", null, changed))))))
          .contains("at        $.result.summary")
          .contains("\"a reel\" (as when the job became done)");
      Map<String, Object> fewer = Map.of("summary", "a reel");
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(
                              polled(
                                  read("done", null, RESULT),
                                  read("done", null, RESULT),
                                  read("done", null, fewer))))))
          .contains("at        $.result.tags\n")
          .contains("actual    (absent)");
      Map<String, Object> added = Map.of("summary", "a reel", "tags", List.of(1), "zz", 1);
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(
                              polled(
                                  read("done", null, RESULT),
                                  read("done", null, RESULT),
                                  read("done", null, added))))))
          .contains("at        $.result.zz\n");
      Map<String, Object> tags = Map.of("summary", "a reel", "tags", List.of(2));
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(
                              polled(
                                  read("done", null, RESULT),
                                  read("done", null, RESULT),
                                  read("done", null, tags))))))
          .contains("at        $.result.tags[0]");
      Map<String, Object> more = Map.of("summary", "a reel", "tags", List.of(1, 2));
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(
                              polled(
                                  read("done", null, RESULT),
                                  read("done", null, RESULT),
                                  read("done", null, more))))))
          .contains("at        $.result.tags\n");
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(
                              polled(
                                  read("done", null, RESULT),
                                  read("done", null, RESULT),
                                  get(500, "{}"))))))
          .contains("(not a job: HTTP 500)");
      assertThat(
              fails(
                  Rule.LIFE_IMMUTABLE,
                  () ->
                      JobRules.immutable(
                          jobs(polled(read("done", null, RESULT), read("done", null, RESULT))))))
          .contains("at        re-polls after done")
          .contains("expected  at least 2")
          .contains("actual    1");
      passes(
          () ->
              JobRules.immutable(
                  jobs(
                      polled(
                          read("pending", null, null),
                          read("error", "gone", null),
                          get(
                              200,
                              "{\"created_at\":\""
                                  + AT
                                  + "\",\"status\":\"error\",\"url\":\""
                                  + URL_1
                                  + "\",\"error\":\"gone\",\"result\":null,\"id\":1}"),
                          read("error", "gone", null)))));
      skips(
          () -> JobRules.immutable(jobs(polled(read("pending", null, null)))),
          "no job reached done or error");
    }

    private JobRecord errorReel(Exchange submission, Exchange... polls) {
      return record("https://www.instagram.com/reel/ERROR/", submission, polls);
    }

    private ContractRun withErrorJob(JobRecord errorJob) {
      return run(SETTINGS, List.of(good), errorJob, List.of());
    }

    @Test
    void the_error_reel_ends_in_error_with_a_reason() {
      passes(
          () ->
              JobRules.errorJob(
                  withErrorJob(
                      errorReel(
                          accepted(3),
                          read("pending", null, null),
                          read("error", "Private", null)))));
      assertThat(
              fails(
                  Rule.ERR_JOB,
                  () ->
                      JobRules.errorJob(
                          withErrorJob(errorReel(accepted(3), read("done", null, RESULT))))))
          .contains("expected  \"error\"");
      assertThat(
              fails(
                  Rule.ERR_JOB,
                  () ->
                      JobRules.errorJob(
                          withErrorJob(errorReel(accepted(3), read("error", " ", null))))))
          .contains("a non-empty reason")
          .doesNotContain("checks failed");
      fails(
          Rule.ERR_JOB,
          () ->
              JobRules.errorJob(
                  withErrorJob(
                      errorReel(accepted(3), read("error", "Private", null), get(500, "{}")))));
      fails(
          Rule.ERR_JOB,
          () -> JobRules.errorJob(withErrorJob(errorReel(accepted(3), read("error", 4, null)))));
      JobRecord unterminated = errorReel(accepted(3), read("pending", "x", null));
      assertThat(fails(Rule.ERR_JOB, () -> JobRules.errorJob(withErrorJob(unterminated))))
          .contains("expected  \"error\"")
          .doesNotContain("checks failed");
      assertThat(
              fails(
                  Rule.ERR_JOB,
                  () ->
                      JobRules.errorJob(
                          withErrorJob(errorReel(ex(Auth.VALID, "POST", 400, "{}"))))))
          .contains("expected  202");
      skips(
          () -> JobRules.errorJob(withErrorJob(errorReel(accepted(3)))),
          "the error reel's job was never read");
      JobRecord unsent = new JobRecord("error reel", "https://www.instagram.com/reel/ERROR/");
      unsent.notSubmitted("no slot left");
      skips(() -> JobRules.errorJob(withErrorJob(unsent)), "no slot left");
      skips(() -> JobRules.errorJob(withErrorJob(null)), "no error reel URL configured");
    }
  }

  /** The whole recording of a correct server passes every rule, as ReelsApiContract calls them. */
  @Test
  void a_correct_servers_recording_passes_every_rule() {
    List<Exchange> all = new ArrayList<>();
    JobRecord one = goodJob(1, URL_1);
    JobRecord two = goodJob(2, URL_2);
    JobRecord error =
        record(
            "https://www.instagram.com/reel/ERROR/",
            accepted(3),
            get(200, job(3, "https://www.instagram.com/reel/ERROR/", "error", "Private", null)),
            get(200, job(3, "https://www.instagram.com/reel/ERROR/", "error", "Private", null)),
            get(200, job(3, "https://www.instagram.com/reel/ERROR/", "error", "Private", null)));
    for (JobRecord job : List.of(one, two, error)) {
      all.add(job.submission());
      job.polls().forEach(p -> all.add(p.exchange()));
    }
    for (Auth auth :
        List.of(Auth.NONE, Auth.WRONG_SCHEME, Auth.NO_SCHEME, Auth.MALFORMED, Auth.UNKNOWN)) {
      all.add(ex(auth, "POST", 401, "{\"error\":\"" + INVALID + "\"}"));
    }
    all.add(ex(Auth.FORBIDDEN, "GET", 403, "{\"error\":\"forbidden\"}"));
    all.add(
        ex(
            Auth.VALID,
            "GET",
            429,
            "application/json",
            "1",
            "{\"error\":\"slow down\"}",
            List.of()));
    String other = "https://example.com/reel/x/";
    Map<String, Exchange> notInstagram = new LinkedHashMap<>();
    notInstagram.put(
        other,
        ex(Auth.VALID, "POST", 400, said("message", DocumentedTexts.notInstagram(other).get(0))));
    Exchange urlRequired =
        ex(
            Auth.VALID,
            "POST",
            400,
            "{\"message\":\"" + DocumentedTexts.of("submit-without-url").get(0) + "\"}");
    Exchange notFound = get(404, "{\"error\":\"Reel not found\"}");
    Exchange serverError = ex(Auth.VALID, "POST", 500, "{\"message\":\"Internal error\"}");
    all.addAll(notInstagram.values());
    all.addAll(List.of(urlRequired, notFound, serverError));
    ContractRun run =
        ContractRun.recorded(
            SETTINGS,
            List.of(one, two),
            error,
            notInstagram,
            urlRequired,
            notFound,
            serverError,
            all);
    List<Runnable> rules = new ArrayList<>();
    rules.add(() -> AuthenticationRules.refused(run, Rule.AUTH_MISSING, Auth.NONE));
    rules.add(() -> AuthenticationRules.refused(run, Rule.AUTH_SCHEME, Auth.WRONG_SCHEME));
    rules.add(() -> AuthenticationRules.refused(run, Rule.AUTH_NO_SCHEME, Auth.NO_SCHEME));
    rules.add(() -> AuthenticationRules.refused(run, Rule.AUTH_MALFORMED, Auth.MALFORMED));
    rules.add(() -> AuthenticationRules.refused(run, Rule.AUTH_UNKNOWN, Auth.UNKNOWN));
    rules.add(() -> AuthenticationRules.body(run));
    rules.add(() -> AuthenticationRules.validTokenAccepted(run));
    rules.add(() -> AuthenticationRules.forbidden(run));
    run.documentedForms().forEach(f -> rules.add(() -> SubmissionRules.accepted(f)));
    rules.add(() -> SubmissionRules.pending(run));
    rules.add(() -> SubmissionRules.integerIds(run));
    rules.add(() -> SubmissionRules.distinctIds(run));
    run.notInstagram().forEach((u, e) -> rules.add(() -> SubmissionRules.notInstagram(u, e)));
    rules.add(() -> SubmissionRules.urlRequired(run.urlRequired()));
    rules.add(() -> JobRules.readable(run));
    rules.add(() -> JobRules.echo(run));
    rules.add(() -> JobRules.createdAtFormat(run));
    rules.add(() -> JobRules.createdAtStable(run));
    rules.add(() -> JobRules.statusInEnum(run));
    rules.add(() -> JobRules.invariants(run));
    rules.add(() -> ResponseRules.notFound(run));
    rules.add(() -> JobRules.path(run));
    rules.add(() -> JobRules.terminal(run));
    rules.add(() -> JobRules.immutable(run));
    rules.add(() -> JobRules.errorJob(run));
    rules.add(() -> ResponseRules.serverError(run));
    rules.add(() -> ResponseRules.retryAfter(run));
    rules.add(() -> ResponseRules.json(run));
    rules.add(() -> ResponseRules.noRedirect(run));
    rules.add(() -> ResponseRules.conformsToSpec(run));
    assertThat(rules).hasSize(31);
    rules.forEach(RuleJudgesTest::passes);
  }
}
