package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedJsonTest {

  @Test
  void a_documented_body_is_read() {
    BoundedJson.Parsed parsed =
        BoundedJson.parse(
            "{\"id\":42,\"status\":\"done\",\"result\":{\"visual\":{\"subjects\":[]}}}");

    assertThat(parsed.node().path("status").asText()).isEqualTo("done");
    assertThat(parsed.overBudget()).isFalse();
  }

  @Test
  void nesting_deeper_than_the_budget_is_not_read() {
    String deep = "[".repeat(400_000) + "]".repeat(400_000);

    BoundedJson.Parsed parsed = BoundedJson.parse(deep);

    assertThat(parsed.node()).isNull();
    assertThat(parsed.overBudget()).isTrue();
    assertThat(parsed.problem())
        .isEqualTo(
            "not read: more than 64 levels of nesting or 100000 JSON tokens (the suite's parse"
                + " budget)");
  }

  @Test
  void sixty_four_levels_are_still_read() {
    assertThat(BoundedJson.read("[".repeat(64) + "]".repeat(64))).isNotNull();
  }

  @Test
  void more_tokens_than_the_budget_are_not_read() {
    String many = "[" + "1,".repeat(100_000) + "1]";

    assertThat(BoundedJson.parse(many).overBudget()).isTrue();
    assertThat(BoundedJson.read("[" + "1,".repeat(90_000) + "1]")).isNotNull();
  }

  @Test
  void text_that_is_not_json_is_said_so() {
    assertThat(BoundedJson.parse("<html>").problem()).isEqualTo("not JSON");
    assertThat(BoundedJson.parse("").problem()).isEqualTo("empty body");
  }
}
