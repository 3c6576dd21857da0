package dev.reelskit.mock.conformance;

import dev.reelskit.mock.internal.conformance.TokenMask;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client under test, as a command line: run against a base URL with a token, within a time bound.
 *
 * <p>The client learns where and as whom to talk through the environment ({@code REELS_BASE_URL},
 * {@code REELS_TOKEN}) and through {@code {baseUrl}}/{@code {token}} placeholders in its arguments.
 * Prefer the environment for the token: arguments are visible to every user of the machine. The
 * token never appears in a log line or exception message; captured output has it masked.
 */
public final class ClientCommand {

  public static final String BASE_URL_PLACEHOLDER = "{baseUrl}";
  public static final String TOKEN_PLACEHOLDER = "{token}";
  public static final String BASE_URL_ENV = "REELS_BASE_URL";
  public static final String TOKEN_ENV = "REELS_TOKEN";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(ClientCommand.class);
  // Killed processes get this long to be reaped, so a hung kill cannot hang the kit.
  private static final Duration REAP_BOUND = Duration.ofSeconds(5);

  private final List<String> template;
  private final Duration timeout;
  private final Path directory;
  private final boolean capture;
  private final Map<String, String> environment;

  private ClientCommand(
      List<String> template,
      Duration timeout,
      Path directory,
      boolean capture,
      Map<String, String> environment) {
    this.template = List.copyOf(template);
    this.timeout = timeout;
    this.directory = directory;
    this.capture = capture;
    this.environment = Map.copyOf(environment);
  }

  /** A command that inherits the kit's output, bounded by {@link #DEFAULT_TIMEOUT}. */
  public static ClientCommand of(List<String> command) {
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("a client command needs at least a program");
    }
    return new ClientCommand(command, DEFAULT_TIMEOUT, null, false, Map.of());
  }

  public static ClientCommand of(String... command) {
    return of(List.of(command));
  }

  public ClientCommand withTimeout(Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + value);
    }
    return new ClientCommand(template, value, directory, capture, environment);
  }

  public ClientCommand inDirectory(Path value) {
    return new ClientCommand(template, timeout, value, capture, environment);
  }

  /** Captures stdout and stderr (merged, token masked) into {@link ClientRun#output()}. */
  public ClientCommand capturingOutput() {
    return new ClientCommand(template, timeout, directory, true, environment);
  }

  /** Adds a variable to the client's environment, e.g. {@code POLL_INTERVAL_MS}. */
  public ClientCommand withEnvironment(String name, String value) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ClientCommand(template, timeout, directory, capture, env);
  }

  public Duration timeout() {
    return timeout;
  }

  /** The command as given, placeholders unresolved: safe to print. */
  public List<String> template() {
    return template;
  }

  /** The command line with placeholders replaced. */
  List<String> resolve(String baseUrl, String token) {
    return template.stream()
        .map(a -> a.replace(BASE_URL_PLACEHOLDER, baseUrl).replace(TOKEN_PLACEHOLDER, token))
        .toList();
  }

  /**
   * Runs the client to completion or until the timeout, when it is killed with its child processes.
   *
   * @throws ClientCommandException when the command cannot be started
   */
  public ClientRun run(String baseUrl, String token) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    ProcessBuilder builder = new ProcessBuilder(resolve(baseUrl, token));
    builder.environment().putAll(environment);
    builder.environment().put(BASE_URL_ENV, baseUrl);
    builder.environment().put(TOKEN_ENV, token);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    if (capture) {
      builder.redirectErrorStream(true);
    } else {
      builder.inheritIO();
    }
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    LOG.info(
        "running client {} against {} (timeout {})", template, baseUrl, Formats.duration(timeout));
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ClientCommandException(
          "cannot start client command " + template + ": " + TokenMask.scrub(e.getMessage(), token),
          null);
    }
    OutputCapture output = capture ? OutputCapture.start(process, token) : null;
    try {
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        killTree(process);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      String text = output == null ? "" : output.finish(REAP_BOUND);
      ClientRun run = new ClientRun(exited ? process.exitValue() : -1, elapsed, !exited, text);
      LOG.info("client {} {}", template, run.describe());
      return run;
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new ClientCommandException("interrupted while waiting for client " + template, e);
    }
  }

  private static void killTree(Process process) {
    // Collect the children first: once the parent dies they are re-parented and out of reach.
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(REAP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ClientCommand" + template;
  }
}
