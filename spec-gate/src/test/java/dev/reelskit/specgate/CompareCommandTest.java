package dev.reelskit.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.openapi.SpecCopy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's entry point (what `mvn verify` and `java -jar reels-spec-compare.jar` run) on temp
 * copies.
 */
class CompareCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int compare(String... args) {
    return CompareCommand.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private Path write(String name, SpecCopy spec) throws IOException {
    return Files.writeString(dir.resolve(name), spec.yaml());
  }

  /** The packaged spec's version, and the next minor and major ones: no test names a version. */
  private static final String VERSION =
      SpecCopy.ofPackaged().document().at("/info/version").asText();

  private static final int MAJOR = Integer.parseInt(VERSION.split("\\.")[0]);
  private static final String NEXT_MINOR =
      MAJOR + "." + (Integer.parseInt(VERSION.split("\\.")[1]) + 1) + ".0";
  private static final String NEXT_MAJOR = (MAJOR + 1) + ".0.0";

  private static SpecCopy withNewTerminalState() {
    return SpecCopy.ofPackaged()
        .statusEnum(e -> e.add("cancelled"))
        .addState("cancelled", true)
        .state("pending", p -> p.withArray("next").add("cancelled"));
  }

  @Test
  void a_breaking_edit_without_a_major_bump_fails_and_says_why() throws IOException {
    Path baseline = write("baseline.yaml", SpecCopy.ofPackaged());
    Path working = write("working.yaml", withNewTerminalState().version(NEXT_MINOR));
    Path report = dir.resolve("out/report.txt");

    assertThat(compare("--report", report.toString(), baseline.toString(), working.toString()))
        .isEqualTo(1);
    assertThat(out.toString())
        .startsWith(
            "Spec compatibility: " + VERSION + " -> " + NEXT_MINOR + "\nverdict: BREAKING (")
        .contains("info.version's major was not raised (" + VERSION + " -> " + NEXT_MINOR + ")")
        .contains(
            "BREAKING   lifecycle  #/components/schemas/ReelJob/x-lifecycle/states/cancelled\n"
                + "  what  new terminal state 'cancelled'\n"
                + "  why   pollers stop only at [done, error]: they poll a job that ended in 'cancelled'"
                + " until they time out, and never read its outcome\n");
    assertThat(report).hasContent(out.toString());
  }

  @Test
  void the_same_edit_with_a_major_bump_passes_and_still_lists_it() throws IOException {
    Path baseline = write("baseline.yaml", SpecCopy.ofPackaged());
    Path working = write("working.yaml", withNewTerminalState().version(NEXT_MAJOR));

    assertThat(compare(baseline.toString(), working.toString())).isEqualTo(0);
    assertThat(out.toString())
        .contains("info.version's major was raised, so this is allowed as a new major release")
        .contains("new terminal state 'cancelled'");
  }

  @Test
  void an_ill_formed_lifecycle_fails_at_any_version_even_a_new_major() throws IOException {
    Path baseline = write("baseline.yaml", SpecCopy.ofPackaged());
    for (String version : new String[] {VERSION, NEXT_MINOR, NEXT_MAJOR}) {
      Path working =
          write(
              "working-" + version + ".yaml",
              SpecCopy.ofPackaged()
                  .state("processing", p -> p.withArray("next").add("archived"))
                  .version(version));
      out.getBuffer().setLength(0);

      assertThat(compare(baseline.toString(), working.toString())).as(version).isEqualTo(1);
      assertThat(out.toString())
          .as(version)
          .contains("verdict: INVALID (")
          .contains("no version number makes it releasable")
          .containsPattern("\nERROR      lifecycle  #/components/schemas/ReelJob/x-lifecycle\n")
          .contains("archived")
          .doesNotContain("allowed as a new major release");
    }
  }

  @Test
  void a_compatible_edit_is_reported_without_failing() throws IOException {
    Path baseline = write("baseline.yaml", SpecCopy.ofPackaged());
    Path working =
        write(
            "working.yaml",
            SpecCopy.ofPackaged()
                .edit(
                    d ->
                        d.withObject("/components/schemas/ReelJob/properties")
                            .putObject("progress")
                            .put("type", "integer")));

    assertThat(compare(baseline.toString(), working.toString())).isEqualTo(0);
    assertThat(out.toString())
        .contains("verdict: COMPATIBLE")
        .contains("property 'progress' added");
  }

  @Test
  void the_working_spec_may_be_released_over_the_baseline() {
    assertThat(
            compare(
                Path.of("baseline/reels-api.yaml").toString(),
                Path.of("../openapi/reels-api.yaml").toString()))
        .as(out.toString())
        .isEqualTo(0);
  }

  @Test
  void missing_arguments_are_a_usage_error() {
    assertThat(compare("only-one.yaml")).isEqualTo(64);
    assertThat(err.toString())
        .contains("Missing required parameter: 'NEW'")
        .contains("Usage: compare");
  }

  @Test
  void an_unreadable_or_foreign_file_is_a_usage_error() throws IOException {
    Path baseline = write("baseline.yaml", SpecCopy.ofPackaged());
    Path notASpec = Files.writeString(dir.resolve("notes.yaml"), "just: notes\n");

    assertThat(compare(baseline.toString(), dir.resolve("missing.yaml").toString())).isEqualTo(64);
    assertThat(err.toString()).contains("cannot read").contains("missing.yaml");
    assertThat(compare(baseline.toString(), notASpec.toString())).isEqualTo(64);
    assertThat(err.toString()).contains("the new spec is not an OpenAPI 3 document");
  }
}
