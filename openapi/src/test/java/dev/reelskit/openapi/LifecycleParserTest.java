package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleParserTest {

  @Nested
  class the_packaged_spec {

    private final Lifecycle lifecycle = ReelsApiSpec.get().lifecycle();

    @Test
    void declares_the_documented_graph() {
      assertThat(lifecycle.stateNames()).containsExactly("pending", "processing", "done", "error");
      assertThat(lifecycle.initial()).isEqualTo("pending");
      assertThat(lifecycle.next("pending")).containsExactly("processing");
      assertThat(lifecycle.next("processing")).containsExactly("done", "error");
      assertThat(lifecycle.terminalStates()).containsExactly("done", "error");
    }

    @Test
    void says_which_state_sets_error_and_result() {
      assertThat(lifecycle.fields()).containsExactly("error", "result");
      assertThat(lifecycle.state("pending").sets()).isEmpty();
      assertThat(lifecycle.state("processing").sets()).isEmpty();
      assertThat(lifecycle.state("done").sets()).containsExactly("result");
      assertThat(lifecycle.state("error").sets()).containsExactly("error");
    }
  }

  static Stream<Arguments> illFormed() {
    return Stream.of(
        bad(
            "a transition to an unknown state",
            s -> s.state("processing", p -> p.withArray("next").add("cancelled")),
            "state 'processing' has a transition to the unknown state 'cancelled'"),
        bad(
            "an unknown initial state",
            s -> s.lifecycle(l -> l.put("initial", "queued")),
            "the initial state 'queued' is not a declared state"),
        bad(
            "an unreachable state",
            s -> s.addState("cancelled", true).statusEnum(e -> e.add("cancelled")),
            "state 'cancelled' is unreachable from the initial state 'pending'"),
        bad(
            "a terminal state with outgoing transitions",
            s -> s.state("done", d -> d.putArray("next").add("processing")),
            "terminal state 'done' has outgoing transitions [processing]"),
        bad(
            "a state missing from the status enum",
            s ->
                s.addState("cancelled", true)
                    .state("pending", p -> p.withArray("next").add("cancelled")),
            "state 'cancelled' is missing from the status enum [pending, processing, done, error]"),
        bad(
            "an enum value missing from the lifecycle",
            s -> s.statusEnum(e -> e.add("queued")),
            "the status enum value 'queued' is missing from the lifecycle"),
        bad(
            "a state that is neither terminal nor has transitions",
            s -> s.state("processing", p -> p.putArray("next")),
            "state 'processing' is not terminal but has no transitions"),
        bad(
            "a state setting a field the lifecycle does not govern",
            s -> s.state("done", d -> d.withArray("sets").add("url")),
            "state 'done' sets 'url', which is not in x-lifecycle.fields"),
        bad(
            "a governed field that is not a job property",
            s -> s.lifecycle(l -> l.withArray("fields").add("progress")),
            "x-lifecycle.fields names 'progress', which is not a ReelJob property"));
  }

  private static Arguments bad(String what, UnaryOperator<SpecCopy> edit, String problem) {
    return Arguments.of(what, edit, problem);
  }

  @ParameterizedTest(name = "a lifecycle with {0} is rejected")
  @MethodSource("illFormed")
  void an_ill_formed_lifecycle_is_rejected(
      String what, UnaryOperator<SpecCopy> edit, String problem) {
    String yaml = edit.apply(SpecCopy.ofPackaged()).yaml();
    assertThatThrownBy(() -> ReelsApiSpec.parse(yaml))
        .isInstanceOfSatisfying(
            InvalidLifecycleException.class,
            e -> assertThat(e.problems()).first().isEqualTo(problem))
        .hasMessageContaining(problem);
  }

  @Test
  void a_spec_without_a_lifecycle_is_rejected() {
    String yaml =
        SpecCopy.ofPackaged()
            .edit(d -> d.withObject("/components/schemas/ReelJob").remove("x-lifecycle"))
            .yaml();
    assertThatThrownBy(() -> ReelsApiSpec.parse(yaml))
        .isInstanceOf(InvalidLifecycleException.class)
        .hasMessageContaining("ReelJob has no x-lifecycle object");
  }

  @Nested
  class when_a_copy_of_the_spec_declares_another_lifecycle {

    // pending -> queued -> processing, and a job may be cancelled while queued.
    private final ReelsApiSpec changed =
        SpecCopy.ofPackaged()
            .statusEnum(e -> e.add("queued").add("cancelled"))
            .addState("queued", false)
            .addState("cancelled", true, "error")
            .state("queued", q -> q.putArray("next").add("processing").add("cancelled"))
            .state("pending", p -> p.putArray("next").add("queued"))
            .parse();

    @Test
    void the_model_follows_it() {
      Lifecycle lifecycle = changed.lifecycle();
      assertThat(lifecycle.next("pending")).containsExactly("queued");
      assertThat(lifecycle.canFollow("pending", "cancelled")).isTrue();
      assertThat(lifecycle.canFollow("processing", "cancelled")).isFalse();
      assertThat(lifecycle.terminalStates()).containsExactly("done", "error", "cancelled");
      assertThat(lifecycle.sets("cancelled", "error")).isTrue();
    }

    @Test
    void the_validation_view_follows_it() {
      String cancelled =
          "{\"id\":7,\"url\":\"https://www.instagram.com/reel/x/\",\"status\":\"cancelled\","
              + "\"error\":\"cancelled by the user\",\"result\":null,\"created_at\":\"2026-05-22T10:00:00Z\"}";
      assertThat(SpecValidator.jobProblems(changed.validationYaml(), cancelled)).isEmpty();
      assertThat(
              SpecValidator.jobProblems(
                  changed.validationYaml(), cancelled.replace("\"cancelled by the user\"", "null")))
          .isNotEmpty();
      assertThat(SpecValidator.jobProblems(ReelsApiSpec.get().validationYaml(), cancelled))
          .isNotEmpty();
    }
  }
}
