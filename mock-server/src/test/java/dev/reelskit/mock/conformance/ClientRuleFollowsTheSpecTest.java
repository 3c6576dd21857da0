package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.openapi.ReelsApiSpec;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CC-POLL-002 ("no poll after a terminal state") reads the terminal states from the spec's
 * x-lifecycle: with a packaged copy where {@code error} may be retried ({@code error -> pending}),
 * polling after {@code error} is no longer a violation.
 */
class ClientRuleFollowsTheSpecTest {

  private static final String TERMINAL_ERROR =
      "          error:\n            terminal: true\n            sets: [error]\n";
  private static final String RETRIED_ERROR =
      "          error:\n            next: [pending]\n            sets: [error]\n";

  @TempDir Path dir;

  @Test
  void polling_after_error_breaks_the_rule_only_while_the_spec_says_error_is_terminal()
      throws Exception {
    String packaged = ReelsApiSpec.get().yaml();
    assertThat(packaged).contains(TERMINAL_ERROR);

    assertThat(violationsOfPollingAfterError(packaged)).isEqualTo(1);
    assertThat(violationsOfPollingAfterError(packaged.replace(TERMINAL_ERROR, RETRIED_ERROR)))
        .isZero();
  }

  /**
   * CC-POLL-002's violations for "poll job 1, see error, poll again", under {@code spec} as
   * packaged.
   */
  private int violationsOfPollingAfterError(String spec) throws Exception {
    Path root = Files.createTempDirectory(dir, "spec");
    Files.createDirectories(root.resolve("openapi"));
    Files.writeString(root.resolve("openapi/reels-api.yaml"), spec);
    try (URLClassLoader loader = classpathWithSpecFirst(root)) {
      Class<?> status = load(loader, "dev.reelskit.openapi.model.JobStatus");
      Object error = status.getMethod("fromValue", String.class).invoke(null, "error");
      Class<?> entry = load(loader, TrafficEntry.class.getName());
      Constructor<?> make = entry.getDeclaredConstructors()[0];
      make.setAccessible(true);
      Instant t0 = Instant.parse("2026-05-22T10:00:00Z");
      List<Object> traffic = new ArrayList<>();
      for (int seq = 1; seq <= 2; seq++) {
        traffic.add(
            make.newInstance(
                (long) seq,
                t0.plusSeconds(5L * seq),
                "ist_****3f9a",
                "GET",
                "/api/v1/reels/1",
                ClientTraffic.GET,
                1L,
                200,
                error,
                (Duration) null,
                (String) null));
      }
      Class<?> ruleType = load(loader, PollAfterTerminalRule.class.getName());
      Constructor<?> newRule = ruleType.getDeclaredConstructor();
      newRule.setAccessible(true);
      Object rule = newRule.newInstance();
      Class<?> settings = load(loader, ClientRuleSettings.class.getName());
      Method check = ruleType.getMethod("check", List.class, settings);
      check.setAccessible(true);
      return ((List<?>) check.invoke(rule, traffic, settings.getMethod("defaults").invoke(null)))
          .size();
    }
  }

  private static Class<?> load(ClassLoader loader, String name) throws ClassNotFoundException {
    return Class.forName(name, true, loader);
  }

  /** This test's classpath, isolated from the running one, with {@code first} ahead of it. */
  private static URLClassLoader classpathWithSpecFirst(Path first) throws Exception {
    List<URL> urls = new ArrayList<>(List.of(first.toUri().toURL()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
