package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec says what the documentation pages say: every body a page shows validates against the
 * schema of its situation, every general body rule against each status it speaks of, every URL form
 * the analyze page gives matches the URL pattern, every field the pages name is in the spec with a
 * type that takes the page's, the lifecycle is the pages', and every status a page lists for an
 * operation is documented for it.
 */
class DocPagesFollowTheSpecTest {

  private static final DocPages DOCS = DocPages.get();
  private static final ReelsApiSpec SPEC = ReelsApiSpec.get();
  private static final Map<String, String[]> OPERATIONS =
      Map.of(
          "analyzeReel", new String[] {"POST", ReelsApiSpec.ANALYZE_PATH},
          "getReel", new String[] {"GET", "/api/v1/reels/42"});

  @TestFactory
  List<DynamicTest> every_body_a_page_shows_validates_against_its_situations_schema() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DocBody b : DOCS.bodies()) {
      for (String operation : operationsWith(b.situation().operation(), b.situation().status())) {
        tests.add(
            dynamicTest(
                b.key() + " as " + operation + " " + b.situation().status(),
                () ->
                    assertThat(problems(operation, b.situation().status(), completed(b, operation)))
                        .isEmpty()));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(DOCS.bodies().size());
    return tests;
  }

  @TestFactory
  List<DynamicTest> the_spec_has_an_example_of_every_whole_body_the_mock_sends() {
    // The mock serves the spec's examples, so each body it must send is one of them.
    List<DynamicTest> tests = new ArrayList<>();
    for (DocBody b : DOCS.mockBodies()) {
      if (!b.at().isEmpty()) {
        continue;
      }
      tests.add(
          dynamicTest(
              b.key(),
              () ->
                  assertThat(SPEC.exampleNames())
                      .as("an example of the spec equal to " + b.shown())
                      .anySatisfy(
                          name -> assertThat(b.differences(SPEC.example(name))).isEmpty())));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(8);
    return tests;
  }

  @TestFactory
  List<DynamicTest> every_general_body_rule_validates_for_each_status_it_speaks_of() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DocPage page : DOCS.pages()) {
      for (DocPage.Shape shape : page.shapes()) {
        for (String operation : OPERATIONS.keySet()) {
          for (int status : documentedStatuses(operation)) {
            if (status >= 400 && shape.appliesTo(status)) {
              tests.add(
                  dynamicTest(
                      page.page() + "/" + shape.id() + " as " + operation + " " + status,
                      () -> assertThat(problems(operation, status, shape.body())).isEmpty()));
            }
          }
        }
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
    return tests;
  }

  @Test
  void every_request_body_a_page_shows_validates() {
    List<DocPage.Request> requests =
        DOCS.pages().stream().flatMap(p -> p.requests().stream()).toList();
    assertThat(requests).isNotEmpty();
    assertThat(requests)
        .allSatisfy(
            r -> assertThat(SpecValidator.analyzeRequestProblems(r.body().toString())).isEmpty());
  }

  @Test
  void every_url_form_the_analyze_page_gives_matches_the_url_pattern() {
    List<String> urls = DOCS.page("analyze").urls().accepted();
    assertThat(urls).hasSize(4);
    assertThat(urls)
        .allSatisfy(u -> assertThat(SPEC.reelUrlPattern().matcher(u).matches()).isTrue());
  }

  @TestFactory
  List<DynamicTest> every_field_a_page_names_is_in_the_spec_and_takes_the_pages_type() {
    List<DynamicTest> tests = new ArrayList<>();
    JsonNode job = SPEC.document().at("/components/schemas/ReelJob");
    for (DocPage page : DOCS.pages()) {
      for (DocPage.Field field : page.fields()) {
        tests.add(
            dynamicTest(
                page.page() + " " + field.path() + " (" + field.type() + ")",
                () -> {
                  JsonNode schema = schemaAt(job, field.path());
                  assertThat(schema).as("the spec's schema at " + field.path()).isNotNull();
                  assertThat(takes(schema, field.type()))
                      .as(field.path() + " takes " + field.type() + ": " + schema)
                      .isTrue();
                }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests;
  }

  @Test
  void the_lifecycle_is_the_one_the_pages_draw() {
    Lifecycle spec = SPEC.lifecycle();
    for (DocPage page : DOCS.pages()) {
      DocPage.Lifecycle drawn = page.lifecycle();
      if (drawn == null) {
        continue;
      }
      assertThat(spec.initial()).as(page.page()).isEqualTo(drawn.initial());
      assertThat(spec.terminalStates())
          .as(page.page())
          .containsExactlyInAnyOrderElementsOf(drawn.terminal());
      Set<List<String>> transitions = new HashSet<>();
      for (Lifecycle.State s : spec.states()) {
        s.next().forEach(n -> transitions.add(List.of(s.name(), n)));
      }
      assertThat(transitions)
          .as(page.page())
          .containsExactlyInAnyOrderElementsOf(drawn.transitions());
    }
  }

  @Test
  void every_status_a_page_lists_for_an_operation_is_documented_for_it() {
    // Decision: 204 ("e.g. DELETE") is listed by the errors page, but no page documents an
    // operation that answers it, so no operation of the spec does. 502 and 503 are listed as
    // transient errors to retry: they come from what stands in front of the service (a gateway,
    // a load balancer, often with an HTML page), not from the API's operations, so the spec does
    // not document them; a client retries them (the retry advice) and the suites report them.
    Set<Integer> noOperation = Set.of(204, 502, 503);
    List<String> missing = new ArrayList<>();
    for (DocPage page : DOCS.pages()) {
      for (DocPage.Status s : page.statuses()) {
        if (noOperation.contains(s.status())) {
          continue;
        }
        for (String op :
            s.operation().equals("any") ? OPERATIONS.keySet() : Set.of(s.operation())) {
          if (s.status() == 202 && op.equals("getReel")
              || s.status() == 200 && op.equals("analyzeReel")) {
            continue;
          }
          if (!documentedStatuses(op).contains(s.status())) {
            missing.add(page.page() + ": " + op + " " + s.status() + " (" + s.meaning() + ")");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** The operations a situation can arise on that document its status. */
  private static List<String> operationsWith(String operation, int status) {
    List<String> out = new ArrayList<>();
    for (String op : List.of("analyzeReel", "getReel")) {
      if ((operation.equals("any") || operation.equals(op))
          && documentedStatuses(op).contains(status)) {
        out.add(op);
      }
    }
    assertThat(out).as(operation + " documents " + status).isNotEmpty();
    return out;
  }

  static Set<Integer> documentedStatuses(String operationId) {
    Set<Integer> statuses = new HashSet<>();
    SPEC.document()
        .path("paths")
        .forEach(
            path ->
                path.forEach(
                    op -> {
                      if (operationId.equals(op.path("operationId").asText())) {
                        op.path("responses")
                            .fieldNames()
                            .forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
                      }
                    }));
    return statuses;
  }

  private static List<String> problems(String operation, int status, JsonNode body) {
    String[] op = OPERATIONS.get(operation);
    return SpecValidator.responseProblems(
        Request.Method.valueOf(op[0]), op[1], status, body.toString(), status == 429 ? "12" : null);
  }

  /**
   * The body with each elided member ({@code { ... }} on the page) taken from the spec's own
   * example of the same response and status, so that what the page does show is what is judged.
   */
  private static JsonNode completed(DocBody b, String operation) {
    if (b.elided().isEmpty()) {
      return b.body();
    }
    ObjectNode body = (ObjectNode) b.body().deepCopy();
    for (String pointer : b.elided()) {
      JsonNode filler =
          exampleWith(operation, b.situation().status(), b.body().path("status"), pointer);
      int slash = pointer.lastIndexOf('/');
      ((ObjectNode) body.at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), filler);
    }
    return body;
  }

  private static JsonNode exampleWith(
      String operation, int status, JsonNode jobStatus, String pointer) {
    for (String name : SPEC.exampleNames()) {
      JsonNode value = SPEC.example(name);
      if (value.path("status").equals(jobStatus)
          && !value.at(pointer).isMissingNode()
          && !value.at(pointer).isNull()) {
        return value.at(pointer);
      }
    }
    throw new AssertionError("no example of " + operation + " " + status + " has " + pointer);
  }

  /** The property schema at a JSON pointer under {@code ReelJob}, following $refs. */
  private static JsonNode schemaAt(JsonNode root, String pointer) {
    JsonNode schema = Schemas.resolve(SPEC.document(), root);
    for (String step : pointer.substring(1).split("/")) {
      JsonNode next = schema.path("properties").path(step);
      if (next.isMissingNode()) {
        return null;
      }
      schema = Schemas.resolve(SPEC.document(), next);
    }
    return schema;
  }

  /** Whether a schema accepts every value of the page's type (it may accept more). */
  private static boolean takes(JsonNode schema, String pageType) {
    if (pageType.equals("unstated")) {
      return true;
    }
    List<JsonNode> forms = new ArrayList<>();
    if (schema.has("x-one-of")) {
      schema.get("x-one-of").forEach(f -> forms.add(Schemas.resolve(SPEC.document(), f)));
    } else {
      forms.add(schema);
    }
    for (String type : pageType.split("\\s*\\|\\s*")) {
      boolean ok =
          switch (type) {
            case "null" -> schema.path("nullable").asBoolean(false);
            case "string[]" ->
                forms.stream()
                    .anyMatch(
                        f ->
                            f.path("type").asText().equals("array")
                                && f.path("items").path("type").asText().equals("string"));
            default -> forms.stream().anyMatch(f -> f.path("type").asText().equals(type));
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
