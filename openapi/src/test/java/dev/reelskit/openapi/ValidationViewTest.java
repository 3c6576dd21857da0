package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The published spec is generator-friendly; the per-state invariants live in the validation view. */
class ValidationViewTest {

  private static String doneWithoutResult() {
    ObjectNode job = (ObjectNode) ReelsApiSpec.get().example("JobDoneCooking");
    job.putNull("result");
    return job.toString();
  }

  @Test
  void the_published_spec_has_no_one_of_a_generator_would_choke_on() {
    assertThat(ReelsApiSpec.get().document().at("/components/schemas/ReelJob").has("oneOf")).isFalse();
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
    assertThat(Yaml.read(ReelsApiSpec.get().validationYaml()).at("/components/schemas/ReelJob/oneOf"))
        .hasSize(ReelsApiSpec.get().lifecycle().states().size());
  }

  @Test
  void the_validation_view_is_the_published_spec_plus_that_one_of() {
    ObjectNode view = (ObjectNode) Yaml.read(ReelsApiSpec.get().validationYaml());
    view.withObject("/components/schemas/ReelJob").remove("oneOf");
    assertThat(view).isEqualTo(ReelsApiSpec.get().document());
  }
}
