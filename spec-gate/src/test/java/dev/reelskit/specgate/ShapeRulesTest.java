package dev.reelskit.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.openapi.SpecCopy;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Shape edits, judged by openapi-diff, each classified and located. */
class ShapeRulesTest {

  private static ObjectNode at(ObjectNode document, String pointer) {
    return (ObjectNode) document.at(pointer);
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        edit(
            "a new optional field in the job",
            d ->
                at(d, "/components/schemas/ReelJob/properties")
                    .putObject("progress")
                    .put("type", "integer"),
            false,
            "GET /api/v1/reels/{id} response 200"),
        edit(
            "a new example",
            d ->
                at(
                        d,
                        "/paths/~1api~1v1~1reels~1{id}/get/responses/200/content/application~1json/examples")
                    .putObject("doneAgain")
                    .put("$ref", "#/components/examples/JobDoneCooking"),
            false,
            "GET /api/v1/reels/{id}"),
        edit(
            "a relaxed request constraint",
            d -> at(d, "/paths/~1api~1v1~1reels~1{id}/get/parameters/0/schema").remove("minimum"),
            false,
            "GET /api/v1/reels/{id}"),
        edit(
            "a removed response field",
            d -> {
              at(d, "/components/schemas/ReelJob/properties").remove("created_at");
              d.withArray("/components/schemas/ReelJob/required").remove(5);
            },
            true,
            "GET /api/v1/reels/{id} response 200"),
        edit(
            "a changed field type",
            d ->
                at(d, "/components/schemas/ReelJob/properties/id")
                    .put("type", "string")
                    .remove("format"),
            true,
            "GET /api/v1/reels/{id} response 200"),
        edit(
            "a new required request field",
            d -> {
              at(d, "/components/schemas/AnalyzeRequest/properties")
                  .putObject("callback")
                  .put("type", "string");
              d.withArray("/components/schemas/AnalyzeRequest/required").add("callback");
            },
            true,
            "POST /api/v1/reels/analyze request body"),
        edit(
            "a new enum value in a response",
            d ->
                d.withArray("/components/schemas/AnalyzeAccepted/properties/status/enum")
                    .add("queued"),
            true,
            "POST /api/v1/reels/analyze response 202 $.status"),
        edit(
            "a removed operation",
            d -> at(d, "/paths").remove("/api/v1/reels/analyze"),
            true,
            "POST /api/v1/reels/analyze"));
  }

  private static Arguments edit(
      String what, Consumer<ObjectNode> change, boolean breaking, String where) {
    return Arguments.of(what, change, breaking, where);
  }

  @ParameterizedTest(name = "{0}: breaking = {2}")
  @MethodSource("edits")
  void a_shape_edit_is_classified(
      String what, Consumer<ObjectNode> change, boolean breaking, String where) {
    CompatibilityReport report =
        SpecCompatibility.compare(
            SpecCopy.ofPackaged().yaml(), SpecCopy.ofPackaged().edit(change).yaml());

    assertThat(report.changes()).as(report.render()).isNotEmpty();
    assertThat(report.fails()).as(report.render()).isEqualTo(breaking);
    assertThat(breaking ? report.breaking() : report.changes())
        .as(report.render())
        .anySatisfy(c -> assertThat(c.where()).startsWith(where));
  }
}
