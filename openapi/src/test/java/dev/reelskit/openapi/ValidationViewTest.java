package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published spec is generator-friendly; the per-state invariants live in the validation view.
 */
class ValidationViewTest {

  private static String doneWithoutResult() {
    ObjectNode job = (ObjectNode) ReelsApiSpec.get().example("JobDoneCooking");
    job.putNull("result");
    return job.toString();
  }

  @Test
  void the_published_spec_has_no_one_of_a_generator_would_choke_on() {
    assertThat(ReelsApiSpec.get().document().findValues("oneOf")).as("oneOf anywhere").isEmpty();
    assertThat(ReelsApiSpec.get().document().findValues("enum"))
        .as("enums that allow only null")
        .noneMatch(e -> e.size() > 0 && e.get(0).isNull());
  }

  @Test
  void the_published_spec_alone_would_accept_a_done_job_without_result() {
    assertThat(SpecValidator.jobProblems(ReelsApiSpec.get().yaml(), doneWithoutResult())).isEmpty();
  }

  @Test
  void the_validation_view_rejects_it_with_one_branch_per_state() {
    assertThat(SpecValidator.jobProblems(ReelsApiSpec.get().validationYaml(), doneWithoutResult()))
        .isNotEmpty();
    assertThat(
            Yaml.read(ReelsApiSpec.get().validationYaml()).at("/components/schemas/ReelJob/oneOf"))
        .hasSize(ReelsApiSpec.get().lifecycle().states().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hooks", "Topics", "KeyMomentItem", "MomentTime"})
  void the_validation_view_turns_each_union_s_x_one_of_into_a_one_of(String schema) {
    JsonNode published = ReelsApiSpec.get().document().at("/components/schemas/" + schema);
    JsonNode view =
        Yaml.read(ReelsApiSpec.get().validationYaml()).at("/components/schemas/" + schema);
    assertThat(published.path("x-one-of").size()).isGreaterThan(1);
    assertThat(published.has("type"))
        .as("a typed union is one a generator tries to write")
        .isFalse();
    assertThat(view.get("oneOf")).isEqualTo(published.get("x-one-of"));
    assertThat(view.has("x-one-of")).isFalse();
  }

  @Test
  void the_validation_view_is_the_published_spec_plus_those_one_ofs() {
    ObjectNode view = (ObjectNode) Yaml.read(ReelsApiSpec.get().validationYaml());
    view.withObject("/components/schemas/ReelJob").remove("oneOf");
    for (String union : new String[] {"Hooks", "Topics", "KeyMomentItem", "MomentTime"}) {
      ObjectNode schema = view.withObject("/components/schemas/" + union);
      schema.set("x-one-of", schema.remove("oneOf"));
    }
    assertThat(view).isEqualTo(ReelsApiSpec.get().document());
  }

  @Test
  void the_build_packages_the_validation_view_beside_the_spec() throws Exception {
    try (var in = ValidationViewTest.class.getResourceAsStream(ValidationViewFile.RESOURCE)) {
      assertThat(in).as(ValidationViewFile.RESOURCE + " on the classpath").isNotNull();
      assertThat(Yaml.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)))
          .isEqualTo(Yaml.read(ReelsApiSpec.get().validationYaml()));
    }
  }

  @Test
  void a_union_whose_x_one_of_is_not_a_list_of_schemas_is_refused_when_the_spec_is_read() {
    String yaml =
        SpecCopy.ofPackaged()
            .edit(d -> d.withObject("/components/schemas/Hooks").put("x-one-of", "string"))
            .yaml();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReelsApiSpec.parse(yaml))
        .hasMessageContaining("x-one-of must be a non-empty list of schemas");
  }
}
