package dev.reelskit.mock;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Skips the calling test, with the reason, when a command-line tool it drives is missing. Tests
 * that run real clients need them; a missing tool must read as skipped, never as passed or failed.
 */
public final class RequiredTools {

  private RequiredTools() {}

  /** Assumes that every tool answers {@code <tool> --version} with exit code 0. */
  public static void assumeInstalled(String... tools) {
    for (String tool : tools) {
      assumeTrue(answers(tool), tool + " is not installed on this machine: test not run");
    }
  }

  private static boolean answers(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
