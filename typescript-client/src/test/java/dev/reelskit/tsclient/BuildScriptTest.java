package dev.reelskit.tsclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build.sh}, which the Maven build runs, decides "CI" and "node present" with the kit's one
 * helper: without node it skips on a laptop and fails on CI, and {@code -Dreels.typescript.skip}
 * cannot skip the type checks on CI.
 */
class BuildScriptTest {

  private static final Path SCRIPT = Path.of("build.sh").toAbsolutePath();

  @TempDir Path dir;

  private record Run(int code, String output) {}

  /** Runs {@code build.sh args} with {@code CI} as given and a PATH of only {@code path}. */
  private Run build(String ci, String path, String... args) throws Exception {
    RequiredTools.assumeInstalled("bash");
    List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.remove("CI");
    if (ci != null) {
      env.put("CI", ci);
    }
    if (path != null) {
      env.put("PATH", path);
    }
    Process p = builder.redirectOutput(dir.resolve("out").toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8));
  }

  /** A PATH with the shell's basic tools and neither node nor npm. */
  private String pathWithoutNode() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("bash", "timeout", "tr", "sed", "dirname", "cat")) {
      Path real = Path.of("/usr/bin", tool);
      if (!Files.exists(real)) {
        real = Path.of("/bin", tool);
      }
      Files.createSymbolicLink(bin.resolve(tool), real);
    }
    return bin.toString();
  }

  @Test
  void the_type_checks_cannot_be_skipped_under_ci() throws Exception {
    Run ci = build("true", null, "check", dir.toString(), "true");
    Run laptop = build(null, null, "check", dir.toString(), "true");

    assertThat(ci.code()).as(ci.output()).isEqualTo(1);
    assertThat(ci.output()).contains("[ERROR] -Dreels.typescript.skip with CI=true");
    assertThat(laptop.code()).as(laptop.output()).isZero();
    assertThat(laptop.output()).contains("[WARNING] SKIPPED: TypeScript type checks");
  }

  @Test
  void without_node_the_build_skips_on_a_laptop_and_fails_on_ci() throws Exception {
    String path = pathWithoutNode();
    Run ci = build(" TRUE ", path, "check", dir.toString(), "false");
    Run laptop = build("false", path, "check", dir.toString(), "false");

    assertThat(ci.code()).as(ci.output()).isEqualTo(1);
    assertThat(ci.output()).contains("[ERROR] the TypeScript client", "node is not installed");
    assertThat(laptop.code()).as(laptop.output()).isZero();
    assertThat(laptop.output()).contains("[WARNING] SKIPPED: the TypeScript client");
  }
}
