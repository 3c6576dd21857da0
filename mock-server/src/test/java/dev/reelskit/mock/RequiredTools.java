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
      assumeTrue(answers(tool, "--version"), tool + " is not installed on this machine: test not run");
    }
  }

  /**
   * A python3 that can import {@code module} ({@code python3} on the path, else Debian's
   * {@code /usr/bin/python3}, where {@code .ci/run} installs {@code python3-<module>}); assumes one.
   */
  public static String pythonWith(String module) {
    for (String python : new String[] {"python3", "/usr/bin/python3"}) {
      if (answers(python, "-c", "import " + module)) {
        return python;
      }
    }
    assumeTrue(false, "no python3 with " + module + " on this machine: test not run");
    return null;
  }

  private static boolean answers(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
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
