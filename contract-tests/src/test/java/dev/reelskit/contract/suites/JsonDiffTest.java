package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import org.junit.jupiter.api.Test;

/** RC-LIFE-003 compares a finished job's polls with this: what counts as a change. */
class JsonDiffTest {

  private static JsonNode json(String text) throws Exception {
    return ReelsJson.mapper().readTree(text);
  }

  @Test
  void null_and_absent_are_the_same_value_at_any_depth() throws Exception {
    assertThat(JsonDiff.first("$", json("{\"a\":1,\"result\":null}"), json("{\"a\":1}"))).isNull();
    assertThat(
            JsonDiff.first(
                "$",
                json("{\"result\":{\"platform_meta\":null,\"s\":\"x\"}}"),
                json("{\"result\":{\"s\":\"x\"}}")))
        .isNull();
    assertThat(JsonDiff.first("$", json("[{\"m\":null}]"), json("[{}]"))).isNull();
  }

  @Test
  void a_real_change_is_named_by_its_path_even_beside_null_and_absent_fields() throws Exception {
    assertThat(
            JsonDiff.first(
                "$",
                json("{\"result\":{\"platform_meta\":null,\"s\":\"x\"}}"),
                json("{\"result\":{\"s\":\"y\"}}")))
        .containsExactly("$.result.s", "\"x\"", "\"y\"");
    assertThat(JsonDiff.first("$", json("{\"result\":null}"), json("{\"result\":{}}")))
        .containsExactly("$.result", "null", "{}");
    assertThat(JsonDiff.first("$", json("{\"e\":\"gone\"}"), json("{}")))
        .containsExactly("$.e", "\"gone\"", "(absent)");
    assertThat(JsonDiff.first("$", json("[1,2]"), json("[1,3]"))).containsExactly("$[1]", "2", "3");
    assertThat(JsonDiff.first("$", json("[1,2]"), json("[1]")))
        .containsExactly("$", "[1,2]", "[1]");
  }
}
