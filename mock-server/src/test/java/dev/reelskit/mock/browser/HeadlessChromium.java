package dev.reelskit.mock.browser;

import dev.reelskit.buildrules.RequiredTools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, run as a bounded child process: a fresh profile per run, no network
 * but loopback, and the whole process tree destroyed when the run ends.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Flags for a root user on a machine without a network: without the background-networking flags
   * Chromium keeps dialling Google's hosts. The resolver rule makes every non-loopback host
   * unresolvable, so a page that needs a CDN fails here instead of quietly fetching it.
   */
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-dev-shm-usage",
          "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, "
              + "EXCLUDE 127.0.0.2");

  private final Path executable;
  private final Path profile;
  private final Path log;
  private Process process;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
    try {
      this.profile = Files.createTempDirectory("reels-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.log = profile.resolveSibling(profile.getFileName() + ".log");
  }

  /** A Chromium to run, or the test is skipped with the reason (CI installs it in .ci/run). */
  static HeadlessChromium require() {
    Optional<Path> found = onPath("chromium");
    RequiredTools.require(
        found.isPresent(),
        "chromium",
        "Chromium is not installed: browser tests need Debian's chromium on the PATH "
            + "(apt-get install chromium; .ci/run installs it)");
    return new HeadlessChromium(found.get());
  }

  private static Optional<Path> onPath(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Loads {@code url}, lets its timers and fetches run on virtual time (a 5 s {@code setTimeout}
   * costs no wall time) for up to {@code budget}, and answers the DOM as serialized HTML.
   */
  String dumpDom(String url, Duration budget) {
    List<String> command = command("--virtual-time-budget=" + budget.toMillis(), "--dump-dom", url);
    Path out = profile.resolveSibling(profile.getFileName() + ".html");
    try {
      process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(log.toFile())
              .start();
      if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(
            "Chromium did not finish within " + RUN_TIMEOUT + " on " + url + "\n" + logTail());
      }
      String dom = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      return dom;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      destroyTree();
    }
  }

  /** Starts Chromium with the DevTools protocol on a free port, for pages that need clicks. */
  DevTools devTools() {
    try {
      process =
          new ProcessBuilder(command("--remote-debugging-port=0", "about:blank"))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(log.toFile())
              .start();
      return DevTools.connect(
          profile.resolve("DevToolsActivePort"), process, Duration.ofSeconds(20));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.addAll(List.of(args));
    return command;
  }

  /** The last lines Chromium wrote to stderr, for failure messages. */
  String logTail() {
    try {
      // Without a D-Bus daemon Chromium logs a dozen harmless D-Bus errors per start: drop them.
      List<String> lines =
          !Files.exists(log)
              ? List.of()
              : Files.readAllLines(log).stream()
                  .filter(line -> !line.contains(":ERROR:dbus/"))
                  .toList();
      return "chromium stderr (last lines):\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "chromium stderr unreadable: " + e;
    }
  }

  /** Children first (renderers, zygotes, GPU process), then Chromium itself. */
  private void destroyTree() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // still going after SIGKILL: nothing more to do from here
      }
    }
    process = null;
  }

  @Override
  public void close() {
    destroyTree();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}
