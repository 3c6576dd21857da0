package dev.reelskit.tsclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server command started as a user starts it ({@code npx reels-api-msw --port 0}), running until
 * closed: its URL is read from the first line of its banner that names one. Closing ends its whole
 * process tree.
 */
final class StartedCommand implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private final Process process;
  private final Path log;
  private final String url;

  private StartedCommand(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  static StartedCommand start(
      Path dir, Map<String, String> env, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("reels-server-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = URL.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return new StartedCommand(process, log, m.group(1));
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    NodePackages.destroyTree(process);
    throw new AssertionError(
        String.join(" ", command)
            + " named no URL within "
            + timeout
            + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")")
            + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  String url() {
    return url;
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  Process process() {
    return process;
  }

  @Override
  public void close() throws IOException {
    NodePackages.destroyTree(process);
    Files.deleteIfExists(log);
  }
}
