package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI validator, whose reports grow with every wrong value, gets bounded bodies only. */
class SpecValidatorBudgetTest {

  private static String job(int wrongSubjects, int wrongMoments) {
    return "{\"id\":1,\"url\":\"https://www.instagram.com/reel/x/\",\"status\":\"done\","
        + "\"error\":null,\"created_at\":\"2025-01-01T00:00:00Z\",\"result\":{\"summary\":\"s\","
        + "\"visual\":{\"description\":\"d\",\"setting\":\"s\",\"subjects\":["
        + "1,".repeat(wrongSubjects)
        + "1],\"text_on_screen\":[]},\"audio\":{\"transcript\":\"\",\"has_music\":false},"
        + "\"content\":{\"topics\":[],\"hooks\":\"h\",\"key_moments\":["
        + "[],".repeat(wrongMoments)
        + "[]]},\"metadata\":{\"format\":\"f\",\"sentiment\":\"s\",\"target_audience\":\"t\"}}}";
  }

  private static List<String> validate(String body) {
    Response response =
        new ResponseBuilder()
            .setStatusCode(200)
            .setContentType("application/json")
            .setBody(body)
            .build();
    return SpecValidator.validateResponse("/api/v1/reels/1", "GET", response, body);
  }

  @Test
  void a_body_past_the_parse_budget_is_not_validated_and_says_why() {
    assertThat(validate(job(300_000, 400_000)))
        .containsExactly(
            "validation.response.body: not read: more than 64 levels of nesting or 100000 JSON"
                + " tokens (the suite's parse budget)");
  }

  @Test
  void a_body_of_more_characters_than_the_validator_takes_is_not_validated() {
    String body = job(0, 0).replace("\"done\"", "\"" + "s".repeat(1024 * 1024) + "\"");

    assertThat(validate(body))
        .containsExactly(
            "validation.response.body: not validated: "
                + body.length()
                + " characters, more than 65536 (the OpenAPI validator's budget; the documented"
                + " bodies have at most about 1,700)");
  }

  @Test
  void a_body_larger_than_the_validator_takes_is_not_validated_and_says_why() {
    assertThat(validate(job(3_000, 0)))
        .containsExactly(
            "validation.response.body: not validated: more than 2000 JSON tokens (the OpenAPI"
                + " validator's budget; the documented bodies have at most about 120)");
  }

  @Test
  void a_body_at_the_edge_of_the_budget_with_every_value_wrong_is_validated_within_bounds() {
    validate(job(1, 1)); // the validator's first use builds its schemas: not the body's cost
    String body = job(0, 950); // 1,900 key moments' tokens, each moment failing a oneOf
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();

    List<String> findings = validate(body);

    long millis = (System.nanoTime() - start) / 1_000_000;
    long megabytes = (threads.getCurrentThreadAllocatedBytes() - before) >> 20;
    System.out.printf(
        "%d chars, %d findings: %d ms, %d MB allocated%n",
        body.length(), findings.size(), millis, megabytes);
    assertThat(findings)
        .hasSize(SpecValidator.MAX_FINDINGS + 1)
        .last()
        .asString()
        .matches("\\.\\.\\. and \\d+ more findings in this response");
    assertThat(findings).allSatisfy(f -> assertThat(f).hasSizeLessThan(400));
    assertThat(megabytes).isLessThan(200);
  }
}
