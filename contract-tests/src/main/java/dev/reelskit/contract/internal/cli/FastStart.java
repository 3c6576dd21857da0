package dev.reelskit.contract.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar reels-contract-tests.jar} runs the suite in a child JVM on the client compiler
 * only ({@code -XX:TieredStopAtLevel=1}): a run lasts seconds, and on two busy cores the server
 * compiler's threads took half its wall time (22.5 s against 12.7 s, measured on the shared build
 * machine). A manifest cannot give the JVM that flag and the CI command stays one command, so the
 * launching JVM starts the same jar again and only waits for it: the child inherits the console,
 * the environment and the user's JVM options (after the tuning, so theirs win), its exit code is
 * the launcher's, a SIGTERM to the launcher stops it and it ends itself if the launcher dies,
 * however it dies. {@code -Dreels.contract.relaunch=off} runs in one JVM.
 */
public final class FastStart {

  /** Marks the child ({@code child}) or turns the relaunch off ({@code off}). */
  public static final String PROPERTY = "reels.contract.relaunch";

  static final String CHILD = "child";
  static final List<String> TUNING = List.of("-XX:TieredStopAtLevel=1");

  private FastStart() {}

  /** The child's command, or empty when this JVM should run the suite itself. */
  public static Optional<List<String>> childCommand(String property, String[] args) {
    if (property != null) {
      return Optional.empty();
    }
    Optional<Path> jar = jar();
    Optional<String> java = ProcessHandle.current().info().command();
    Optional<String[]> argv = ProcessHandle.current().info().arguments();
    if (jar.isEmpty() || java.isEmpty() || argv.isEmpty()) {
      return Optional.empty();
    }
    List<String> launched = Arrays.asList(argv.get());
    int dashJar = launched.indexOf("-jar");
    if (dashJar < 0) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(TUNING);
    command.addAll(launched.subList(0, dashJar)); // the user's JVM options win over the tuning
    command.addAll(List.of("-D" + PROPERTY + "=" + CHILD, "-jar", jar.get().toString()));
    command.addAll(Arrays.asList(args));
    return Optional.of(command);
  }

  /** Runs the child to its end and answers its exit code. */
  public static int run(List<String> command) throws IOException, InterruptedException {
    // The child's stdin is a pipe only this JVM holds (it never writes to it): the kernel closes
    // it as this JVM ends, however it ends (see exitWithLauncher). The suite reads no stdin.
    Process child =
        new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (child.isAlive()) {
                    child.destroy();
                    try {
                      child.waitFor(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "reels-contract-relaunch"));
    return child.waitFor();
  }

  /**
   * In the child: ends this JVM when the launcher is gone, after a SIGKILL to it too, reaped or
   * not. The launcher holds the only write end of the pipe that is this JVM's stdin, so a read here
   * sees its end as the launcher dies. Watching the launcher's process ({@code
   * ProcessHandle.onExit()}, as before) misses a launcher killed but never reaped: a zombie keeps
   * its {@code /proc} entry, and Java counts it alive.
   *
   * @param stdin this JVM's standard input (the launcher's pipe)
   */
  public static void exitWithLauncher(String property, InputStream stdin) {
    if (!CHILD.equals(property)) {
      return;
    }
    Thread watch =
        new Thread(
            () -> {
              try {
                while (stdin.read() >= 0) {
                  // the launcher writes nothing: anything here is ignored
                }
              } catch (IOException e) {
                // a broken pipe is a launcher gone too
              }
              Runtime.getRuntime().halt(143);
            },
            "reels-contract-launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static Optional<Path> jar() {
    try {
      CodeSource source = FastStart.class.getProtectionDomain().getCodeSource();
      Path path = source == null ? null : Path.of(source.getLocation().toURI());
      return path != null && path.toString().endsWith(".jar") && Files.isRegularFile(path)
          ? Optional.of(path)
          : Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
