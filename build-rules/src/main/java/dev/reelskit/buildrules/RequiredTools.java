package dev.reelskit.buildrules;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * The one decision of whether a test runs in CI and whether a tool it drives is present. A test
 * whose tool is missing is skipped with the reason: a missing tool must read as skipped, never as
 * passed. With {@code CI=true} (the project's CI, which installs every tool in {@code .ci/run}) a
 * missing tool fails the test instead, naming the tool and the test: a skip there means a broken
 * install step, not a machine without node.
 *
 * <p>Shell scripts make the same decision with {@code build-rules/src/main/sh/required-tools.sh}
 * ({@code .ci/run} and the TypeScript build source it); {@code RequiredToolsTest} holds the two to
 * each other.
 */
public final class RequiredTools {

  /** The pythons tried, in order: the one on the path, then Debian's, where .ci/run installs. */
  private static final String[] PYTHONS = {"python3", "/usr/bin/python3"};

  private RequiredTools() {}

  /** Assumes that every tool answers {@code <tool> --version} with exit code 0. */
  public static void assumeInstalled(String... tools) {
    for (String tool : tools) {
      require(
          answers(tool),
          tool,
          tool + " is not installed on this machine (" + tool + " --version did not succeed)");
    }
  }

  /**
   * Skips the calling test with {@code reason} when {@code present} is false; fails it instead when
   * running in CI.
   */
  public static void require(boolean present, String tool, String reason) {
    if (!present && inCi()) {
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

  /** Whether this JVM runs in CI: {@code CI} is "true", in any case, blanks around it ignored. */
  public static boolean inCi() {
    return inCi(System.getenv());
  }

  static boolean inCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
  }

  /** Whether {@code tool --version} exits 0 within 10 s. */
  public static boolean answers(String tool) {
    return succeeds(tool, "--version");
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
    for (String python : PYTHONS) {
      if (succeeds(python, "-c", "import " + module)) {
        return python;
      }
    }
    require(false, "python3 with " + module, "no python3 with " + module + " on this machine");
    return null;
  }

  /**
   * The first python3 that runs {@code script} with exit 0 (a script that checks what a test needs
   * of python, which {@code .ci/run} runs too); assumes one (fails in CI) and names {@code what}.
   */
  public static String pythonRunning(String script, String what) {
    String python = pythonRunningOrNull(script);
    require(python != null, "python3 with " + what, "no python3 with " + what + " on this machine");
    return python;
  }

  static String pythonRunningOrNull(String script) {
    for (String python : PYTHONS) {
      if (succeeds(python, script)) {
        return python;
      }
    }
    return null;
  }

  /** Exit 0 within 10 s for {@code --version}, 60 s for anything else; stdin at its end. */
  private static boolean succeeds(String... command) {
    long seconds = command.length == 2 && command[1].equals("--version") ? 10 : 60;
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
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
