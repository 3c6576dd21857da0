package dev.reelskit.buildrules;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * Skips the calling test, with the reason, when a command-line tool it drives is missing: a missing
 * tool must read as skipped, never as passed. With {@code CI=true} (the project's CI, which
 * installs every tool in {@code .ci/run}) a missing tool fails the test instead, naming the tool
 * and the test: a skip there means a broken install step, not a machine without node.
 */
public final class RequiredTools {

  private RequiredTools() {}

  /** Assumes that every tool answers {@code <tool> --version} with exit code 0. */
  public static void assumeInstalled(String... tools) {
    for (String tool : tools) {
      require(
          answers(tool, "--version"),
          tool,
          tool + " is not installed on this machine (" + tool + " --version did not succeed)");
    }
  }

  /**
   * Skips the calling test with {@code reason} when {@code present} is false; fails it instead when
   * running in CI.
   */
  public static void require(boolean present, String tool, String reason) {
    if (!present && inCi(System.getenv())) {
      throw new AssertionFailedError(
          "CI=true: "
              + callingTest()
              + " needs "
              + tool
              + ", which is "
              + "missing, and CI must skip no test: "
              + reason);
    }
    assumeTrue(present, reason + ": test not run");
  }

  static boolean inCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
  }

  /** The first test class method on the stack, as {@code Class.method}. */
  private static String callingTest() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> f.getClassName().matches(".*(Test|IT)(\\$.*)?"))
                    .reduce((first, second) -> second)
                    .map(
                        f ->
                            f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1)
                                + "."
                                + f.getMethodName())
                    .orElse("a test"));
  }

  /**
   * A python3 that can import {@code module} ({@code python3} on the path, else Debian's {@code
   * /usr/bin/python3}, where {@code .ci/run} installs {@code python3-<module>}); assumes one (fails
   * in CI).
   */
  public static String pythonWith(String module) {
    for (String python : new String[] {"python3", "/usr/bin/python3"}) {
      if (answers(python, "-c", "import " + module)) {
        return python;
      }
    }
    require(false, "python3 with " + module, "no python3 with " + module + " on this machine");
    return null;
  }

  private static boolean answers(String... command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
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
