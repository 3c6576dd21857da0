package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.HostileServer;
import dev.reelskit.contract.servers.HostileServer.Behaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar reels-contract-tests.jar} runs the suite in a child JVM and waits for it. When
 * the launcher dies by SIGKILL and its parent never reaps it (a zombie: a CI step whose shell
 * exec'd into something else, a crashed supervisor), the child must end at once, not run on against
 * the server until its own bounds. It used to watch the launcher's process, which a zombie keeps
 * alive.
 */
class RelaunchJarIT {

  private Process holder;

  @AfterEach
  void stop() {
    if (holder != null) {
      holder.descendants().forEach(ProcessHandle::destroyForcibly);
      holder.destroyForcibly();
    }
  }

  @Test
  void the_run_ends_when_its_launcher_is_killed_and_never_reaped() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.SILENT)) {
      // sh starts the jar, then becomes `sleep`, which never waits for a child: the jar's
      // launcher has a parent that will never reap it. The server never answers, so the run
      // would wait out its 30 s request timeout.
      ProcessBuilder builder =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "\"$@\" & exec sleep 600",
                  "sh",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  JarRun.JAR.toString(),
                  "--base-url",
                  server.baseUrl())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("REELS_TOKEN", "ist_relaunchedRunToken000000001");
      holder = builder.start();
      holder.getOutputStream().close();
      ProcessHandle launcher = waitForChild(holder.toHandle(), "-jar");
      ProcessHandle child = waitForChild(launcher, "-Dreels.contract.relaunch=child");
      waitFor(() -> !server.requests().isEmpty(), Duration.ofSeconds(60));
      assertThat(server.requests()).as("the child's run reached the server").isNotEmpty();

      launcher.destroyForcibly(); // SIGKILL: no shutdown hook in the launcher
      long killed = System.nanoTime();
      waitFor(() -> "Z".equals(state(launcher.pid())), Duration.ofSeconds(10));
      assertThat(state(launcher.pid())).as("the launcher is a zombie, never reaped").isEqualTo("Z");

      waitFor(() -> !child.isAlive(), Duration.ofSeconds(10));
      Duration took = Duration.ofNanos(System.nanoTime() - killed);
      System.out.printf("the run ended %d ms after its launcher's SIGKILL%n", took.toMillis());
      assertThat(child.isAlive()).as("the run outlived its killed launcher by 10 s").isFalse();
    }
  }

  private static ProcessHandle waitForChild(ProcessHandle parent, String argument)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> found =
          parent
              .children()
              .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(argument))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no child of " + parent.pid() + " with " + argument);
  }

  /** The process state letter from /proc/<pid>/stat (R, S, Z...); "gone" when there is none. */
  private static String state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch (java.io.IOException e) {
      return "gone";
    }
  }

  private static void waitFor(BooleanSupplier condition, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
