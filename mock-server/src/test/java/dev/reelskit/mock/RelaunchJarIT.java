package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar} relaunches itself on the class-data archive and waits for its child. When the
 * launcher dies by SIGKILL and its parent never reaps it (a zombie, as under a shell that exec'd
 * into something else, or a crashed supervisor), the child must still end, freeing the port and the
 * state file. Before, it watched the launcher's process, which a zombie keeps alive.
 */
class RelaunchJarIT {

  private static final Pattern PORT = Pattern.compile("listening on http://[^:]+:(\\d+)");

  private Process holder;

  @AfterEach
  void stop() {
    if (holder != null) {
      holder.descendants().forEach(ProcessHandle::destroyForcibly);
      holder.destroyForcibly();
    }
  }

  @Test
  void the_server_ends_when_its_launcher_is_killed_and_never_reaped() throws Exception {
    assumeTrue(
        Files.exists(Path.of("target", "reels-mock-server.jsa")),
        "the build left out the class-data archive (-Dreels.mock.cds.skip): no relaunch");
    // sh starts the jar, then becomes `sleep`, which never waits for a child: the jar's launcher
    // has a parent that will never reap it
    holder =
        new ProcessBuilder(
                "sh",
                "-c",
                "\"$@\" & exec sleep 600",
                "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                MockJar.JAR.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    int port = portFromBanner();
    ProcessHandle launcher = holder.toHandle().children().findFirst().orElseThrow();
    ProcessHandle server = launcher.children().findFirst().orElseThrow();
    assertThat(server.info().arguments().map(List::of).orElse(List.of()))
        .contains("-Dreels.mock.cds=child");

    launcher.destroyForcibly(); // SIGKILL: no shutdown hook in the launcher
    long killed = System.nanoTime();
    waitFor(() -> "Z".equals(state(launcher.pid())), Duration.ofSeconds(10));
    assertThat(state(launcher.pid())).as("the launcher is a zombie, never reaped").isEqualTo("Z");

    waitFor(() -> !server.isAlive(), Duration.ofSeconds(15));
    Duration took = Duration.ofNanos(System.nanoTime() - killed);
    System.out.printf("server ended %d ms after its launcher's SIGKILL%n", took.toMillis());
    assertThat(server.isAlive()).as("the server outlived its killed launcher").isFalse();
    assertThat(listening(port)).as("port %d still open", port).isFalse();
  }

  private int portFromBanner() throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        int port = Integer.parseInt(m.group(1));
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "drain");
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("no banner from the jar");
  }

  /** The process state letter from /proc/<pid>/stat (R, S, Z...); "gone" when there is none. */
  private static String state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch (IOException e) {
      return "gone";
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier done, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
