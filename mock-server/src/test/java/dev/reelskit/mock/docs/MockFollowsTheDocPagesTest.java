package dev.reelskit.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.DocBody;
import dev.reelskit.openapi.DocPage;
import dev.reelskit.openapi.DocPages;
import dev.reelskit.openapi.DocTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The mock on its defaults (those of {@code java -jar}, on a free port and a held clock) answers
 * each documented situation with the most specific page's body, compared as JSON; accepts the docs'
 * placeholder tokens and example token; and ends a job of each documented cause of failure in
 * {@code error} with that cause's message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockFollowsTheDocPagesTest {

  private static final DocPages DOCS = DocPages.get();

  private ReelsMock mock;
  private Http http;

  @BeforeAll
  void start() {
    mock =
        ReelsMock.start(
            MockServerSettings.builder().port(0).build(), MockClock.frozenAt(Instant.EPOCH));
    http = new Http(mock.baseUrl());
  }

  @AfterAll
  void stop() {
    mock.close();
  }

  @TestFactory
  List<DynamicTest> each_trigger_is_answered_with_the_most_specific_pages_body() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DocBody expected : DOCS.mockBodies()) {
      DocTrigger trigger = DOCS.trigger(expected.situation().trigger());
      tests.add(
          dynamicTest(
              trigger.name() + " -> " + expected.key(),
              () -> {
                Http.Response r = send(trigger.request(), DOCS.exampleToken());
                assertThat(r.status()).as(r.body()).isEqualTo(expected.situation().status());
                assertThat(expected.differences(r.json())).as(r.body()).isEmpty();
              }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
    return tests;
  }

  @Test
  void a_404_is_the_errors_pages_body_exactly() {
    Http.Response r = http.poll(DOCS.exampleToken(), 987654321L);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json()).isEqualTo(json("{\"message\": \"not found\", \"status\": \"error\"}"));
  }

  @Test
  void a_foreign_url_is_refused_naming_its_host() {
    for (String[] c :
        new String[][] {
          {"https://www.tiktok.com/@chefmario/video/7301234567890", "tiktok.com"},
          {"https://tiktok.com/@chefmario/video/7301234567890", "tiktok.com"},
          {"https://instagram.com.evil.io/reel/abc/", "instagram.com.evil.io"},
          {"https://YouTube.com/shorts/abc", "youtube.com"}
        }) {
      Http.Response r = submit("{\"url\":\"" + c[0] + "\"}", "Bearer " + DOCS.exampleToken());
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json())
          .as(c[0])
          .isEqualTo(
              json(
                  "{\"message\": \"URL must be an instagram.com link, got \\\""
                      + c[1]
                      + "\\\"\"}"));
    }
  }

  @Test
  void a_url_without_a_foreign_host_gets_the_analyze_pages_short_text() {
    for (String url :
        new String[] {
          "http://instagram.com/reel/abc/", "https://www.instagram.com/stories/abc/", "not a url"
        }) {
      Http.Response r = submit("{\"url\":\"" + url + "\"}", "Bearer " + DOCS.exampleToken());
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json())
          .as(url)
          .isEqualTo(
              DOCS.page("analyze").bodies().stream()
                  .filter(b -> b.id().equals("not-instagram"))
                  .findFirst()
                  .orElseThrow()
                  .body());
    }
  }

  @Test
  void a_request_without_a_bearer_token_gets_the_missing_token_body() {
    JsonNode missing = DOCS.mockBody("no-token").orElseThrow().body();
    JsonNode invalid = DOCS.mockBody("invalid-token").orElseThrow().body();
    String token = DOCS.exampleToken();

    assertThat(http.get("/api/v1/reels/42").json()).isEqualTo(missing);
    assertThat(http.get("/api/v1/reels/42", "Authorization", "Token " + token).json())
        .isEqualTo(missing);
    assertThat(http.get("/api/v1/reels/42", "Authorization", token).json()).isEqualTo(missing);
    assertThat(http.get("/api/v1/reels/42", "Authorization", "Bearer nope!").json())
        .isEqualTo(invalid);
  }

  @TestFactory
  List<DynamicTest> the_docs_placeholders_and_example_token_are_accepted() {
    List<String> tokens = new ArrayList<>(DOCS.tokenPlaceholders());
    tokens.add(DOCS.exampleToken());
    assertThat(tokens).contains("ist_your_token", "ist_your_token_here");
    return tokens.stream()
        .map(
            token ->
                dynamicTest(
                    token,
                    () -> {
                      Http.Response submitted =
                          submit(
                              "{\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\"}",
                              "Bearer " + token);
                      assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
                      assertThat(http.poll(token, 42).status()).isEqualTo(200);
                    }))
        .toList();
  }

  @TestFactory
  List<DynamicTest> each_documented_cause_has_a_magic_code_that_ends_the_job_with_its_message() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DocPage.Cause cause : DOCS.causes()) {
      String code = Outcomes.CAUSE_CODES.get(cause.id());
      tests.add(
          dynamicTest(
              cause.id() + " (" + code + ") -> " + cause.message(),
              () -> {
                assertThat(code).as("the magic code of " + cause.id()).isNotNull();
                String token = DOCS.exampleToken();
                long id = http.submit(token, "https://www.instagram.com/reel/" + code + "7/");
                JsonNode job = http.poll(token, id).json();
                for (int i = 0; i < 5 && !job.path("status").asText().equals("error"); i++) {
                  mock.advanceClock(Duration.ofSeconds(30));
                  job = http.poll(token, id).json();
                }
                assertThat(job.path("status").asText()).isEqualTo("error");
                assertThat(job.path("error").asText()).isEqualTo(cause.message());
                assertThat(job.path("result").isNull()).isTrue();
              }));
    }
    assertThat(tests).hasSize(5);
    return tests;
  }

  private Http.Response send(DocTrigger.Request request, String validToken) {
    String auth = request.authorizationHeader(validToken);
    List<String> headers = new ArrayList<>();
    if (auth != null) {
      headers.add("Authorization");
      headers.add(auth);
    }
    if (request.body() != null) {
      headers.add("Content-Type");
      headers.add("application/json");
    }
    return http.method(
        request.method(),
        request.path(),
        request.body() == null ? null : request.body().toString(),
        headers.toArray(String[]::new));
  }

  private Http.Response submit(String body, String authorization) {
    return http.post(
        "/api/v1/reels/analyze",
        body,
        "Authorization",
        authorization,
        "Content-Type",
        "application/json");
  }

  private static JsonNode json(String text) {
    try {
      return dev.reelskit.openapi.ReelsJson.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
