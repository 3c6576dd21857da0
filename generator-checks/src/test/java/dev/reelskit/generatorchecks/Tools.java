package dev.reelskit.generatorchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.reelskit.buildrules.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools the generator checks need. Whether a tool is there, and whether its
 * absence skips the check or (on CI) fails it, is {@link RequiredTools}' decision, the same one
 * {@code .ci/run} makes.
 */
final class Tools {

  private Tools() {}

  /** Skips (or, on CI, fails) unless {@code command --version} runs. */
  static void require(String command) {
    RequiredTools.assumeInstalled(command);
  }

  /**
   * Runs a command to completion within a generous deadline; returns its output, failing on a
   * non-zero exit.
   */
  static String run(Path dir, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    // Read before waiting so a chatty tool never blocks on a full pipe.
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 10 minutes");
    }
    assertThat(p.exitValue())
        .as(String.join(" ", command) + " exit code; output:\n" + output)
        .isZero();
    return output;
  }
}
