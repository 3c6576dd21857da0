package dev.reelskit.mock.internal.launch;

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
 * Fast start for {@code java -jar reels-mock-server.jar}: when the build left a class-data-sharing
 * archive beside the jar ({@code reels-mock-server.jsa}: {@code -Xshare:dump} over the classes the
 * {@link ArchiveTraining} run loaded), the launching JVM starts the same jar again with {@code
 * -XX:SharedArchiveFile} and only waits for it: a manifest cannot give the JVM that flag, and the
 * documented start must stay one command. The child inherits the console and the JVM options, its
 * exit code is the launcher's, a SIGTERM/Ctrl-C to the launcher stops it, and it ends itself when
 * the launcher dies, even by SIGKILL and unreaped. The child starts with {@link #START_TUNING} and,
 * unless the user's options choose a collector, {@link #MEMORY_TUNING}. {@code
 * -Dreels.mock.cds=off} runs in one JVM without the archive and without the tuning.
 */
public final class ArchiveRelaunch {

  /** The system property that marks the child ({@value #CHILD}) or turns the relaunch off. */
  public static final String PROPERTY = "reels.mock.cds";

  static final String CHILD = "child";

  /** The child's exit code when its launcher is gone: 128 + SIGTERM, as if it had been stopped. */
  static final int EXIT_LAUNCHER_GONE = 143;

  /**
   * The child's start tuning, before the user's JVM options so that theirs win: the client compiler
   * only, as IDEs and dev servers start JVMs, since on two cores the server compiler's threads take
   * a quarter of the start from the one thread that is starting the mock; a mock serving a browser
   * never needs the peak throughput it buys.
   */
  static final List<String> START_TUNING = List.of("-XX:TieredStopAtLevel=1");

  /**
   * The child's memory tuning, also before the user's options: a mock holds little that lives (a
   * job is about 560 bytes) and makes mostly garbage that dies young, so the serial collector (no
   * collector threads, no remembered sets) on a heap that starts small, grows as the data does and
   * gives back what a burst left free. The defaults on a large machine (G1, an initial heap of a
   * 64th of its memory, free space kept) made the mock's two JVMs under a GET load 2.2 times plain
   * WireMock's peak RSS. No heap cap: what the mock may hold is bounded by its own limits ({@code
   * --max-jobs}, the traffic record, the intake budget), and a cap below that would trade memory
   * for an OutOfMemoryError. Left out when the user's options choose a collector themselves (two
   * would stop the JVM).
   */
  static final List<String> MEMORY_TUNING =
      List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

  private ArchiveRelaunch() {}

  /**
   * The child's command line, or empty when this JVM should serve itself: the property is set, the
   * code is not running from a jar, no archive lies beside it, or the JVM's own command line is
   * unknown.
   */
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
    String name = jar.get().getFileName().toString();
    Path archive = jar.get().resolveSibling(name.substring(0, name.length() - 4) + ".jsa");
    List<String> launched = Arrays.asList(argv.get());
    int dashJar = launched.indexOf("-jar");
    if (!Files.isReadable(archive) || dashJar < 0 || !madeByThisJvm(archive)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(START_TUNING);
    List<String> userOptions = launched.subList(0, dashJar);
    if (userOptions.stream().noneMatch(ArchiveRelaunch::choosesCollector)) {
      command.addAll(MEMORY_TUNING);
    }
    command.addAll(userOptions); // the user's JVM options
    // -Xshare:auto: an archive of another JDK or jar is ignored (and, logging off, silently).
    command.addAll(
        List.of(
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:auto",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-D" + PROPERTY + "=" + CHILD,
            "-jar",
            jar.get().toString()));
    command.addAll(Arrays.asList(args));
    return Optional.of(command);
  }

  /** Whether a JVM option picks a garbage collector ({@code -XX:+UseG1GC}, ...). */
  static boolean choosesCollector(String option) {
    return option.startsWith("-XX:+Use") && option.endsWith("GC");
  }

  /** Runs the child to its end and answers its exit code. */
  public static int run(List<String> command) throws IOException, InterruptedException {
    // The child's stdin is a pipe only this JVM holds: it ends when this JVM ends, however it ends
    // (see exitWithLauncher). This JVM never writes to it.
    Process child =
        new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (child.isAlive()) {
                    child.destroy(); // SIGTERM: the child's own hook stops the mock
                    try {
                      child.waitFor(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "reels-mock-relaunch"));
    return child.waitFor();
  }

  /**
   * In the child: ends this JVM when the launcher is gone, after a SIGKILL to it too, reaped or
   * not. The launcher holds the only write end of the pipe that is this JVM's stdin, and the kernel
   * closes it as the launcher dies, so a read here sees the end at once. Watching the launcher's
   * process instead ({@code ProcessHandle.onExit()}) misses a launcher killed but not reaped: as a
   * zombie it still has its {@code /proc} entry, and Java counts it alive.
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
              System.exit(EXIT_LAUNCHER_GONE); // the shutdown hook stops the mock and its file
            },
            "reels-mock-launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /** The JVM an archive serves, as {@link ArchiveTraining} records it beside the archive. */
  static String jvmIdentity() {
    return Runtime.version() + " " + ProcessHandle.current().info().command().orElse("?");
  }

  static Path identityFile(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".jvm");
  }

  /** Another JDK would ignore the archive: then a relaunch would only cost time. */
  private static boolean madeByThisJvm(Path archive) {
    try {
      return Files.readString(identityFile(archive)).strip().equals(jvmIdentity());
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> jar() {
    try {
      CodeSource source = ArchiveRelaunch.class.getProtectionDomain().getCodeSource();
      Path path = source == null ? null : Path.of(source.getLocation().toURI());
      return path != null && path.toString().endsWith(".jar") && Files.isRegularFile(path)
          ? Optional.of(path)
          : Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
