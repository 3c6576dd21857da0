package dev.reelskit.generatorchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the external tools the generator checks need. A missing tool skips the check with the
 * reason, except on CI ({@code CI=true}), where it fails: CI must have every tool.
 */
final class Tools {

  private Tools() {}

  /** Skips (or, on CI, fails) unless {@code command --version} runs. */
  static void require(String command) {
    require(command + " is not installed", List.of(command, "--version"));
  }

  /** Skips (or, on CI, fails) with {@code missing} unless {@code probe} exits 0. */
  static void require(String missing, List<String> probe) {
    String problem;
    try {
      Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      problem = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 ? null : missing;
    } catch (IOException e) {
      problem = missing;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    if (problem == null) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail(
          problem
              + ": on CI (CI=true) every tool of the generator checks must be installed (.ci/run)");
    }
    Assumptions.abort(problem + ": generator check skipped");
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
