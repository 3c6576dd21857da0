package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in the spec is valid against the schema it illustrates. */
class SpecExamplesTest {

  private static final JsonNode DOC = ReelsApiSpec.get().document();

  /** One named example of one response or request body. */
  private record UsedExample(
      String method, String pathTemplate, String status, String name, String ref, JsonNode value) {

    String displayName() {
      String where = status == null ? "request" : status;
      return method.toUpperCase(Locale.ROOT)
          + " "
          + pathTemplate
          + " "
          + where
          + " example '"
          + name
          + "'";
    }
  }

  @TestFactory
  List<DynamicTest> every_response_example_validates_against_its_schema() {
    List<DynamicTest> tests = new ArrayList<>();
    for (UsedExample example : usedExamples()) {
      if (example.status() == null) {
        continue;
      }
      tests.add(
          dynamicTest(
              example.displayName(),
              () -> {
                int status = Integer.parseInt(example.status());
                String retryAfter = status == 429 ? "12" : null;
                List<String> problems =
                    SpecValidator.responseProblems(
                        Request.Method.valueOf(example.method().toUpperCase(Locale.ROOT)),
                        concretePath(example),
                        status,
                        example.value().toString(),
                        retryAfter);
                assertThat(problems).isEmpty();
              }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests;
  }

  @TestFactory
  List<DynamicTest> every_request_example_validates_against_its_schema() {
    List<DynamicTest> tests = new ArrayList<>();
    for (UsedExample example : usedExamples()) {
      if (example.status() == null) {
        tests.add(
            dynamicTest(
                example.displayName(),
                () ->
                    assertThat(SpecValidator.analyzeRequestProblems(example.value().toString()))
                        .isEmpty()));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests;
  }

  @Test
  void every_component_example_is_used_by_an_operation() {
    Set<String> used = new HashSet<>();
    for (UsedExample example : usedExamples()) {
      used.add(example.ref());
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(ReelsApiSpec.get().exampleNames());
  }

  private static String concretePath(UsedExample example) {
    long id = example.value().path("id").asLong(42);
    return example.pathTemplate().replace("{id}", Long.toString(id == 0 ? 42 : id));
  }

  /** Walks paths → operations → (request body | responses) → application/json → examples. */
  private static List<UsedExample> usedExamples() {
    List<UsedExample> found = new ArrayList<>();
    DOC.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode operation = op.getValue();
                          collect(
                              found,
                              op.getKey(),
                              path.getKey(),
                              null,
                              deref(operation.path("requestBody")));
                          operation
                              .path("responses")
                              .properties()
                              .forEach(
                                  r ->
                                      collect(
                                          found,
                                          op.getKey(),
                                          path.getKey(),
                                          r.getKey(),
                                          deref(r.getValue())));
                        }));
    return found;
  }

  private static void collect(
      List<UsedExample> found, String method, String path, String status, JsonNode body) {
    body.path("content")
        .path("application/json")
        .path("examples")
        .properties()
        .forEach(
            e -> {
              String ref = e.getValue().path("$ref").asText();
              String name = ref.substring(ref.lastIndexOf('/') + 1);
              found.add(
                  new UsedExample(
                      method, path, status, e.getKey(), name, deref(e.getValue()).path("value")));
            });
  }

  private static JsonNode deref(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    return ref == null ? node : DOC.at(ref.substring(1));
  }
}
