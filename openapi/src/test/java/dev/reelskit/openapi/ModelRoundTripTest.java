package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelskit.openapi.model.AnalyzeAccepted;
import dev.reelskit.openapi.model.AnalyzeRequest;
import dev.reelskit.openapi.model.ApiError;
import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.MessageError;
import dev.reelskit.openapi.model.ReelJob;
import dev.reelskit.openapi.model.TokenError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in the spec survives model → JSON → model unchanged. */
class ModelRoundTripTest {

  private static final ObjectMapper MAPPER = ReelsJson.mapper();

  // Which model each example is read as; a new example without an entry fails the test below.
  private static final Map<String, Class<?>> MODEL_OF =
      Map.ofEntries(
          Map.entry("AnalyzeReelRequest", AnalyzeRequest.class),
          Map.entry("AnalyzePostWithTrackingRequest", AnalyzeRequest.class),
          Map.entry("AnalyzeForeignUrlRequest", AnalyzeRequest.class),
          Map.entry("AnalyzeServerFailureRequest", AnalyzeRequest.class),
          // Deliberately invalid (no url, the 400 example): the model always writes its required
          // url.
          Map.entry("AnalyzeWithoutUrlRequest", Map.class),
          Map.entry("AnalyzeAccepted", AnalyzeAccepted.class),
          Map.entry("JobPending", ReelJob.class),
          Map.entry("JobProcessing", ReelJob.class),
          Map.entry("JobError", ReelJob.class),
          Map.entry("JobDoneCooking", ReelJob.class),
          Map.entry("JobDoneNoSpeech", ReelJob.class),
          Map.entry("JobDoneNoPlatformMeta", ReelJob.class),
          Map.entry("NotInstagramHostError", MessageError.class),
          Map.entry("NotInstagramError", MessageError.class),
          Map.entry("UrlRequiredError", MessageError.class),
          Map.entry("ServerMessageError", MessageError.class),
          Map.entry("InvalidTokenError", TokenError.class),
          Map.entry("MissingTokenError", TokenError.class),
          Map.entry("ForbiddenError", ApiError.class),
          Map.entry("InvalidJobIdError", ApiError.class),
          Map.entry("NotFoundError", ApiError.class),
          Map.entry("RateLimitedError", ApiError.class),
          Map.entry("TooManyJobsError", ApiError.class));

  @TestFactory
  List<DynamicTest> every_example_round_trips_through_its_model() {
    List<String> names = ReelsApiSpec.get().exampleNames();
    assertThat(MODEL_OF).containsOnlyKeys(names);
    return names.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name + " as " + MODEL_OF.get(name).getSimpleName(),
                    () -> {
                      JsonNode original = ReelsApiSpec.get().example(name);
                      Object model = MAPPER.treeToValue(original, MODEL_OF.get(name));
                      // Re-read the written text: a tree built from a model holds longs where a
                      // parsed tree holds ints, and JsonNode equality tells them apart.
                      JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(model));
                      assertThat(written).isEqualTo(original);
                      assertThat(MAPPER.treeToValue(written, MODEL_OF.get(name))).isEqualTo(model);
                    }))
        .collect(Collectors.toList());
  }

  @Test
  void null_error_and_result_are_written_not_dropped() throws Exception {
    ReelJob pending = ReelsApiSpec.get().example("JobPending", ReelJob.class);

    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(pending));

    assertThat(written.has("error")).isTrue();
    assertThat(written.get("error").isNull()).isTrue();
    assertThat(written.get("result").isNull()).isTrue();
    assertThat(pending.getStatus()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void an_offset_timestamp_keeps_its_offset() {
    ReelJob job = ReelsApiSpec.get().example("JobDoneNoPlatformMeta", ReelJob.class);
    assertThat(job.getCreatedAt()).isEqualTo("2026-05-22T10:05:00.25+02:00");
    assertThat(job.getResult().getPlatformMeta()).isNull();
  }

  @Test
  void fields_the_spec_does_not_list_survive_a_round_trip() throws Exception {
    String json =
        "{\"id\":7,\"url\":\"https://www.instagram.com/reel/a/\",\"status\":\"pending\","
            + "\"error\":null,\"result\":null,\"created_at\":\"2026-05-22T10:00:00Z\",\"queue\":3}";

    ReelJob job = MAPPER.readValue(json, ReelJob.class);

    assertThat(job.getAdditionalProperty("queue")).isEqualTo(3);
    assertThat(MAPPER.readTree(MAPPER.writeValueAsString(job))).isEqualTo(MAPPER.readTree(json));
  }
}
