package dev.reelskit.buildrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java tests and the shell scripts ({@code .ci/run}, the TypeScript build) decide "this is CI"
 * and "this tool is present" the same way: {@link RequiredTools} against {@code
 * src/main/sh/required-tools.sh}, case by case.
 */
class RequiredToolsTest {

  private static final Path HELPER = Path.of("src", "main", "sh", "required-tools.sh");

  @TempDir static Path tools;

  @BeforeAll
  static void fake_tools() throws IOException {
    script("answers", "exit 0");
    script("fails", "exit 3");
    script("reads-stdin", "read -r line; exit $?");
    script("prints-and-answers", "echo version 1.2.3; echo warning >&2; exit 0");
    Files.writeString(tools.resolve("not-executable"), "#!/bin/sh\nexit 0\n");
  }

  private static void script(String name, String body) throws IOException {
    Path file = tools.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @ParameterizedTest(name = "CI=[{0}]")
  @ValueSource(
      strings = {"true", "TRUE", "True", " true ", "true\t", "1", "yes", "false", "", "truee", "t"})
  void ci_is_decided_alike(String value) throws Exception {
    boolean java = RequiredTools.inCi(Map.of("CI", value));
    Shell shell = shell(Map.of("CI", value), "in_ci");

    assertThat(shell.code == 0).as("shell in_ci for CI=[%s]", value).isEqualTo(java);
    assertThat(java).isEqualTo(value.trim().equalsIgnoreCase("true"));
  }

  @Test
  void no_ci_variable_is_not_ci() throws Exception {
    assertThat(RequiredTools.inCi(Map.of())).isFalse();
    assertThat(shell(Map.of(), "in_ci").code).isNotZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "answers",
        "fails",
        "reads-stdin",
        "prints-and-answers",
        "not-executable",
        "absent"
      })
  void a_tool_is_present_alike(String name) throws Exception {
    String tool = tools.resolve(name).toString();
    boolean java = RequiredTools.answers(tool);
    Shell shell = shell(Map.of(), "answers " + tool);

    assertThat(shell.code == 0).as("shell answers %s", name).isEqualTo(java);
    assertThat(java).isEqualTo(name.equals("answers") || name.equals("prints-and-answers"));
  }

  @Test
  void a_python_check_script_is_run_alike() throws Exception {
    Path passes = tools.resolve("passes.py");
    Files.writeString(passes, "import sys\nsys.exit(0)\n");
    Path fails = tools.resolve("fails.py");
    Files.writeString(fails, "raise SystemExit('too old')\n");
    String python = RequiredTools.pythonRunningOrNull(passes.toString());
    RequiredTools.require(python != null, "python3", "no python3 on this machine");

    assertThat(shell(Map.of(), "python_running " + passes).out.trim()).isEqualTo(python);
    assertThat(RequiredTools.pythonRunningOrNull(fails.toString())).isNull();
    assertThat(shell(Map.of(), "python_running " + fails).code).isNotZero();
  }

  @Test
  void a_missing_tool_under_ci_ends_the_script_with_an_error_naming_it() throws Exception {
    String absent = tools.resolve("absent").toString();
    Shell ci =
        shell(Map.of("CI", "true"), "require_tool " + absent + " 'the frobnicator'; echo after");
    Shell laptop =
        shell(
            Map.of("CI", "false"), "require_tool " + absent + " 'the frobnicator'; echo after $?");
    Shell present =
        shell(
            Map.of("CI", "true"), "require_tool " + tools.resolve("answers") + " x; echo after $?");

    assertThat(ci.code).isEqualTo(1);
    assertThat(ci.out).doesNotContain("after");
    assertThat(ci.err)
        .contains("[ERROR] the frobnicator: " + absent + " is not installed, and CI=true");
    assertThat(laptop.code).isZero();
    assertThat(laptop.out)
        .contains("[WARNING] SKIPPED: the frobnicator: " + absent + " is not installed")
        .contains("after 1");
    assertThat(present.out.trim()).isEqualTo("after 0");
  }

  private record Shell(int code, String out, String err) {}

  /** Runs {@code commands} in bash after sourcing the helper, with only {@code env} for CI. */
  private static Shell shell(Map<String, String> env, String commands) throws Exception {
    RequiredTools.assumeInstalled("bash");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", "-c", "source \"$0\"; " + commands, HELPER.toString()));
    Map<String, String> environment = builder.environment();
    Map<String, String> kept = new HashMap<>(environment);
    environment.clear();
    environment.put("PATH", kept.getOrDefault("PATH", "/usr/bin:/bin"));
    environment.putAll(env);
    Path out = tools.resolve("out");
    Path err = tools.resolve("err");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new Shell(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
