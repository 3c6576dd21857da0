package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that validation against the spec is not silently skipping parts of it: each known-bad body
 * is rejected, and the liberties a correct server may take are accepted.
 */
class SpecRejectsBadBodiesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static ObjectNode job(String example, Consumer<ObjectNode> change) {
    ObjectNode job = (ObjectNode) ReelsApiSpec.get().example(example);
    change.accept(job);
    return job;
  }

  private static Arguments bad(String what, String example, Consumer<ObjectNode> change) {
    return Arguments.of(what, job(example, change));
  }

  static Stream<Arguments> badJobs() {
    return Stream.of(
        bad(
            "an undocumented status 'completed'",
            "JobDoneCooking",
            j -> j.put("status", "completed")),
        bad("a done job without result", "JobDoneCooking", j -> j.putNull("result")),
        bad("a done job with an error message", "JobDoneCooking", j -> j.put("error", "boom")),
        bad("a pending job with a result", "JobPending", j -> j.set("result", JSON.objectNode())),
        bad("a processing job with an error", "JobProcessing", j -> j.put("error", "boom")),
        bad("a failed job without a reason", "JobError", j -> j.putNull("error")),
        bad("a failed job with an empty reason", "JobError", j -> j.put("error", "")),
        bad(
            "a failed job with a result",
            "JobError",
            j -> j.set("result", ReelsApiSpec.get().example("JobDoneCooking").get("result"))),
        bad("a job without created_at", "JobPending", j -> j.remove("created_at")),
        bad("a job without the error field", "JobPending", j -> j.remove("error")),
        bad(
            "a created_at that is not a date-time",
            "JobPending",
            j -> j.put("created_at", "yesterday")),
        bad(
            "a created_at that is a date only",
            "JobPending",
            j -> j.put("created_at", "2026-05-22")),
        bad(
            "a created_at in ISO 8601's basic format",
            "JobPending",
            j -> j.put("created_at", "20260522T100000Z")),
        bad(
            "a created_at written day first",
            "JobPending",
            j -> j.put("created_at", "22/05/2026 10:00:00")),
        bad("a created_at as epoch seconds", "JobPending", j -> j.put("created_at", 1779444000)),
        bad("an id that is a string", "JobPending", j -> j.put("id", "43")),
        bad("a url that is a number", "JobPending", j -> j.put("url", 7)),
        bad(
            "a result without summary",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result")).remove("summary")),
        bad(
            "has_music as a string",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("audio")).put("has_music", "yes")),
        bad(
            "a three-letter language code",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("audio")).put("language", "eng")),
        bad(
            "hooks as a number",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("content")).put("hooks", 3)),
        bad(
            "topics as an array of numbers",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("content")).putArray("topics").add(1)),
        bad(
            "hooks as an array of numbers",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("content")).putArray("hooks").add(1).add(2)),
        bad(
            "hooks as an object",
            "JobDoneCooking",
            j ->
                ((ObjectNode) j.get("result").get("content"))
                    .putObject("hooks")
                    .put("text", "Ten minutes")),
        bad(
            "topics as a number",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("content")).put("topics", 7)),
        bad(
            "a key_moments item that is a number",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("content")).putArray("key_moments").add(3)),
        bad(
            "a key_moments item that is an empty string",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("content")).putArray("key_moments").add("")),
        bad(
            "a key moment with a negative timestamp",
            "JobDoneCooking",
            j ->
                ((ObjectNode) j.get("result").get("content"))
                    .putArray("key_moments")
                    .addObject()
                    .put("timestamp", -1)),
        bad(
            "a key moment whose timestamp is no time",
            "JobDoneCooking",
            j ->
                ((ObjectNode) j.get("result").get("content"))
                    .putArray("key_moments")
                    .addObject()
                    .put("timestamp", "soon")),
        bad(
            "a negative like_count",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("platform_meta")).put("like_count", -1)),
        bad(
            "text_on_screen as a string",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("visual")).put("text_on_screen", "none")),
        bad(
            "a negative like_count",
            "JobDoneCooking",
            j -> ((ObjectNode) j.get("result").get("platform_meta")).put("like_count", -1)));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("badJobs")
  void a_wrong_job_is_rejected(String what, ObjectNode body) {
    assertThat(problems(200, body)).isNotEmpty();
  }

  static Stream<Arguments> liberties() {
    return Stream.of(
        Arguments.of(
            "fields the spec does not list",
            job(
                "JobDoneCooking",
                j -> {
                  j.put("model_version", "v7");
                  ((ObjectNode) j.get("result")).put("duration_seconds", 31);
                })),
        Arguments.of(
            "a timestamp with an offset and fractions",
            job("JobPending", j -> j.put("created_at", "2026-05-22T12:01:00.123456+02:00"))),
        Arguments.of("a large id", job("JobPending", j -> j.put("id", 9_007_199_254_740_000L))),
        Arguments.of(
            "platform_meta null",
            job("JobDoneCooking", j -> ((ObjectNode) j.get("result")).putNull("platform_meta"))),
        Arguments.of(
            "an empty transcript",
            job(
                "JobDoneCooking",
                j -> ((ObjectNode) j.get("result").get("audio")).put("transcript", ""))));
  }

  @ParameterizedTest(name = "a job with {0} is accepted")
  @MethodSource("liberties")
  void a_job_taking_a_liberty_is_accepted(String what, ObjectNode body) {
    assertThat(problems(200, body)).isEmpty();
  }

  @Test
  void a_created_job_must_be_pending() {
    ObjectNode accepted = (ObjectNode) ReelsApiSpec.get().example("AnalyzeAccepted");
    accepted.put("status", "processing");
    assertThat(
            SpecValidator.responseProblems(
                Request.Method.POST, ReelsApiSpec.ANALYZE_PATH, 202, accepted.toString(), null))
        .isNotEmpty();
  }

  @Test
  void
      a_bad_request_body_may_use_error_as_the_overview_says_or_message_as_the_analyze_page_shows() {
    for (String body :
        new String[] {"{\"error\":\"url is required\"}", "{\"message\":\"url is required\"}"}) {
      assertThat(
              SpecValidator.responseProblems(
                  Request.Method.POST, ReelsApiSpec.ANALYZE_PATH, 400, body, null))
          .as(body)
          .isEmpty();
      assertThat(
              SpecValidator.responseProblems(
                  Request.Method.POST, ReelsApiSpec.ANALYZE_PATH, 500, body, null))
          .as(body)
          .isEmpty();
    }
    assertThat(
            SpecValidator.responseProblems(
                Request.Method.POST,
                ReelsApiSpec.ANALYZE_PATH,
                400,
                "{\"detail\":\"url is required\"}",
                null))
        .isNotEmpty();
  }

  @Test
  void a_non_integer_id_may_be_refused_with_400_or_404() {
    for (int status : new int[] {400, 404}) {
      assertThat(
              SpecValidator.responseProblems(
                  Request.Method.GET,
                  "/api/v1/reels/abc",
                  status,
                  "{\"error\":\"no such job\"}",
                  null))
          .as("" + status)
          .isEmpty();
    }
  }

  @Test
  void an_unauthorized_body_needs_error_not_message() {
    assertThat(
            SpecValidator.responseProblems(
                Request.Method.GET,
                "/api/v1/reels/1",
                401,
                "{\"message\":\"invalid API token\"}",
                null))
        .isNotEmpty();
  }

  @Test
  void a_not_found_body_needs_error_or_message() {
    assertThat(
            SpecValidator.responseProblems(Request.Method.GET, "/api/v1/reels/1", 404, "{}", null))
        .isNotEmpty();
    assertThat(
            SpecValidator.responseProblems(
                Request.Method.GET, "/api/v1/reels/1", 404, "{\"message\":\"Not Found\"}", null))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} is not a Reel URL")
  @ValueSource(
      strings = {
        "https://www.youtube.com/watch?v=abc",
        "https://instagram.com.evil.io/reel/DYa0IXPgnP5/",
        "https://evilinstagram.com/reel/DYa0IXPgnP5/",
        "https://www.instagram.com.attacker.net/reel/DYa0IXPgnP5/",
        "http://www.instagram.com/reel/DYa0IXPgnP5/",
        "https://www.instagram.com/stories/someone/123/",
        "instagram.com/reel/DYa0IXPgnP5/",
        ""
      })
  void a_submission_of_another_url_is_invalid(String url) {
    assertThat(SpecValidator.analyzeRequestProblems(JSON.objectNode().put("url", url).toString()))
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0} is a Reel URL")
  @ValueSource(
      strings = {
        "https://www.instagram.com/reel/DYa0IXPgnP5/",
        "https://instagram.com/reel/DYa0IXPgnP5/",
        "https://www.instagram.com/p/DYa0IXPgnP5/",
        "https://www.instagram.com/reel/DYa0IXPgnP5/?igsh=MXN0Y2Fvb2t4ZzNxZQ==",
        "https://instagram.com/p/C-x_9/?utm_source=ig_web_copy_link&igsh=abc"
      })
  void a_submission_of_a_documented_url_form_is_valid(String url) {
    assertThat(SpecValidator.analyzeRequestProblems(JSON.objectNode().put("url", url).toString()))
        .isEmpty();
  }

  @Test
  void a_submission_without_url_is_invalid() {
    assertThat(SpecValidator.analyzeRequestProblems("{}")).isNotEmpty();
  }

  private static java.util.List<String> problems(int status, ObjectNode job) {
    return SpecValidator.responseProblems(
        Request.Method.GET,
        "/api/v1/reels/" + job.path("id").asLong(1),
        status,
        job.toString(),
        null);
  }
}
