package dev.reelskit.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.openapi.SpecCopy;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each lifecycle rule classifies a hand-made edit that touches only x-lifecycle (and the enum). */
class LifecycleRulesTest {

  private static final UnaryOperator<SpecCopy> PACKAGED = s -> s;
  private static final UnaryOperator<SpecCopy> WITH_PENDING_TO_ERROR =
      s -> s.state("pending", p -> p.withArray("next").add("error"));
  private static final UnaryOperator<SpecCopy> WITH_QUEUED_FIRST =
      s ->
          s.statusEnum(e -> e.add("queued"))
              .addState("queued", false)
              .state("queued", q -> q.putArray("next").add("pending"))
              .lifecycle(l -> l.put("initial", "queued"));

  static Stream<Arguments> edits() {
    return Stream.of(
        edit(
            "a removed state",
            s ->
                s.statusEnum(e -> e.remove(3))
                    .state("processing", p -> p.putArray("next").add("done"))
                    .lifecycle(l -> l.withObject("states").remove("error")),
            true,
            "state 'error' was removed"),
        edit(
            "a removed transition",
            WITH_PENDING_TO_ERROR,
            PACKAGED,
            true,
            "transition 'pending -> error' was removed"),
        edit(
            "a new terminal state",
            s ->
                s.statusEnum(e -> e.add("cancelled"))
                    .addState("cancelled", true)
                    .state("pending", p -> p.withArray("next").add("cancelled")),
            true,
            "new terminal state 'cancelled'"),
        edit(
            "a new state clients cannot know",
            s ->
                s.statusEnum(e -> e.add("queued"))
                    .addState("queued", false)
                    .state("queued", q -> q.putArray("next").add("processing"))
                    .state("pending", p -> p.putArray("next").add("queued")),
            true,
            "new state 'queued'"),
        edit(
            "a changed initial state",
            WITH_QUEUED_FIRST,
            PACKAGED,
            true,
            "the initial state changed from 'queued' to 'pending'"),
        edit(
            "a field that stops being set in a state",
            s -> s.state("done", d -> d.putArray("sets")),
            true,
            "'result' is no longer set in state 'done'"),
        edit(
            "a terminal state that stops being terminal",
            s -> s.state("error", e -> e.put("terminal", false).putArray("next").add("pending")),
            true,
            "'error' is no longer terminal"),
        edit(
            "a new transition between known states",
            WITH_PENDING_TO_ERROR,
            false,
            "new transition 'pending -> error' between known states"),
        edit(
            "a field that starts being set in a state",
            s -> s.state("error", e -> e.withArray("sets").add("result")),
            false,
            "'result' is now also set in state 'error'"));
  }

  private static Arguments edit(
      String what, UnaryOperator<SpecCopy> change, boolean breaking, String expected) {
    return edit(what, PACKAGED, change, breaking, expected);
  }

  private static Arguments edit(
      String what,
      UnaryOperator<SpecCopy> before,
      UnaryOperator<SpecCopy> after,
      boolean breaking,
      String expected) {
    return Arguments.of(what, before, after, breaking, expected);
  }

  @ParameterizedTest(name = "{0}: breaking = {3}")
  @MethodSource("edits")
  void a_lifecycle_edit_is_classified(
      String what,
      UnaryOperator<SpecCopy> before,
      UnaryOperator<SpecCopy> after,
      boolean breaking,
      String expected) {
    CompatibilityReport report =
        SpecCompatibility.compare(
            before.apply(SpecCopy.ofPackaged()).yaml(), after.apply(SpecCopy.ofPackaged()).yaml());

    assertThat(report.changes())
        .filteredOn(c -> c.area().equals("lifecycle"))
        .filteredOn(c -> c.what().equals(expected))
        .singleElement()
        .satisfies(c -> assertThat(c.breaking()).isEqualTo(breaking))
        .satisfies(
            c -> assertThat(c.where()).startsWith("#/components/schemas/ReelJob/x-lifecycle"));
    if (!breaking) {
      assertThat(report.breaking()).as(report.render()).isEmpty();
    }
    assertThat(report.fails()).as(report.render()).isEqualTo(breaking);
  }
}
