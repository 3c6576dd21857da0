package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.openapi.model.ReelJob;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reading the spec's {@code Decision:}s accept where the documentation leaves a choice: the
 * validator accepts it, the generated models read it, and writing the model back keeps the server's
 * form of hooks, topics and key moments (an optional null comes back as absent).
 */
class AcceptedReadingsTest {

  static Stream<Arguments> readings() {
    return Stream.of(
        reading(
            "hooks as an array of strings",
            c ->
                c.with("result")
                    .with("content")
                    .putArray("hooks")
                    .add("Ten minutes,")
                    .add("one pan.")),
        reading("hooks as one string (the mock's form)", c -> {}),
        reading(
            "topics as one string", c -> c.with("result").with("content").put("topics", "cooking")),
        reading(
            "key_moments items as strings",
            c ->
                c.with("result")
                    .with("content")
                    .putArray("key_moments")
                    .add("0:03 The pan hits the flame")
                    .add("0:41 Plated")),
        reading(
            "key_moments timestamps as seconds and h:mm:ss",
            c -> {
              var moments = c.with("result").with("content").putArray("key_moments");
              moments.addObject().put("timestamp", 3.5).put("description", "flame");
              moments.addObject().put("timestamp", "1:02:03");
            }),
        reading(
            "call_to_action and music_description null",
            c -> {
              c.with("result").with("content").putNull("call_to_action");
              c.with("result").with("audio").putNull("music_description");
            }),
        reading(
            "call_to_action and music_description absent",
            c -> {
              c.with("result").with("content").remove("call_to_action");
              c.with("result").with("audio").remove("music_description");
            }),
        reading(
            "language null (no speech)", c -> c.with("result").with("audio").putNull("language")),
        reading(
            "language empty (no speech)", c -> c.with("result").with("audio").put("language", "")),
        reading(
            "language absent (no speech)", c -> c.with("result").with("audio").remove("language")),
        reading("language upper case", c -> c.with("result").with("audio").put("language", "EN")),
        reading(
            "created_at without an offset (a local time)",
            c -> c.put("created_at", "2026-05-22T10:00:00")),
        reading(
            "created_at with a +0200 offset", c -> c.put("created_at", "2026-05-22T12:00:00+0200")),
        reading("created_at with a +02 offset", c -> c.put("created_at", "2026-05-22T12:00:00+02")),
        reading("created_at without seconds", c -> c.put("created_at", "2026-05-22T10:00Z")),
        reading(
            "created_at with fractions and no offset",
            c -> c.put("created_at", "2026-05-22T10:00:00.250")),
        reading(
            "platform_meta figures null or extra",
            c ->
                c.with("result")
                    .with("platform_meta")
                    .putNull("like_count")
                    .put("share_count", 12)
                    .put("views_label", "1.2K")));
  }

  private static Arguments reading(String name, Consumer<ObjectNode> change) {
    ObjectNode job = (ObjectNode) ReelsApiSpec.get().example("JobDoneCooking");
    change.accept(job);
    return Arguments.of(name, job);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void is_accepted_read_by_the_models_and_written_back_unchanged(String name, ObjectNode job)
      throws Exception {
    assertThat(
            SpecValidator.responseProblems(
                Request.Method.GET, "/api/v1/reels/42", 200, job.toString(), null))
        .isEmpty();

    ReelJob model = ReelsJson.mapper().treeToValue(job, ReelJob.class);
    String written = ReelsJson.mapper().writeValueAsString(model);

    // The same model again; an optional null is written as absent, which reads back the same.
    assertThat(ReelsJson.mapper().readValue(written, ReelJob.class)).isEqualTo(model);
    assertThat(ReelsJson.mapper().readTree(written).at("/result/content/hooks"))
        .isEqualTo(job.at("/result/content/hooks"));
    assertThat(ReelsJson.mapper().readTree(written).at("/result/content/key_moments"))
        .isEqualTo(ReelsJson.mapper().readTree(job.toString()).at("/result/content/key_moments"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void hooks_and_key_moments_are_readable_from_the_model_in_any_form(String name, ObjectNode job)
      throws Exception {
    var content = ReelsJson.mapper().treeToValue(job, ReelJob.class).getResult().getContent();

    assertThat(OneOfValues.texts(content.getHooks())).isNotEmpty();
    assertThat(OneOfValues.texts(content.getTopics())).isNotEmpty();
    assertThat(content.getKeyMoments())
        .allSatisfy(
            item ->
                assertThat(
                        item instanceof String
                            || OneOfValues.keyMoment(item).getTimestamp() != null)
                    .isTrue());
  }
}
