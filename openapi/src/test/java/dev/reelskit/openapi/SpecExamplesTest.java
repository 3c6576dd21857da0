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
  List<DynamicTest> every_request_example_validates_unless_it_is_paired_with_a_400() {
    // A request example is named after the response example it produces (tools such as Specmatic
    // pair them by name): one paired with a 400 must be refused by the request schema, every
    // other one must pass it.
    List<UsedExample> all = usedExamples();
    List<DynamicTest> tests = new ArrayList<>();
    for (UsedExample example : all) {
      if (example.status() == null) {
        String pairedStatus =
            all.stream()
                .filter(
                    r ->
                        r.status() != null
                            && r.method().equals(example.method())
                            && r.pathTemplate().equals(example.pathTemplate())
                            && r.name().equals(example.name()))
                .map(UsedExample::status)
                .findFirst()
                .orElse(null);
        tests.add(
            dynamicTest(
                example.displayName() + " -> " + pairedStatus,
                () -> {
                  assertThat(pairedStatus)
                      .as("a response example named " + example.name())
                      .isNotNull();
                  List<String> problems =
                      SpecValidator.analyzeRequestProblems(example.value().toString());
                  if (pairedStatus.equals("400")) {
                    assertThat(problems).isNotEmpty();
                  } else {
                    assertThat(problems).isEmpty();
                  }
                }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests;
  }

  @Test
  void every_id_example_answers_its_namesake_on_the_kits_seeded_jobs() {
    // The path parameter's examples pair with the 200/404 examples of the same name; the 200
    // ones must be the very job (same id) the example shows, as the mock seeds it.
    JsonNode op = DOC.path("paths").path(ReelsApiSpec.JOB_PATH).path("get");
    JsonNode ids = op.path("parameters").get(0).path("examples");
    JsonNode responses = op.path("responses");
    assertThat(ids.size()).isGreaterThanOrEqualTo(7);
    ids.properties()
        .forEach(
            e -> {
              long id = e.getValue().path("value").asLong();
              JsonNode ok = deref(responses.path("200")).at("/content/application~1json/examples");
              if (ok.has(e.getKey())) {
                assertThat(deref(ok.get(e.getKey())).path("value").path("id").asLong())
                    .as(e.getKey())
                    .isEqualTo(id);
              } else {
                assertThat(
                        deref(responses.path("404"))
                            .at("/content/application~1json/examples")
                            .has(e.getKey()))
                    .as(e.getKey() + " pairs with a 404 example")
                    .isTrue();
              }
            });
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
