package dev.reelskit.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded jar run as users run it, {@code java -jar reels-mock-server.jar --port 0 ...}. */
public final class MockJar implements AutoCloseable {

  public static final Path JAR = Path.of("target", "reels-mock-server.jar");
  private static final Pattern URL = Pattern.compile("listening on http://[^:]+:(\\d+)");

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private int port = -1;

  private MockJar(Process process) {
    this.process = process;
  }

  /** Starts the jar and waits for its banner; fails when it exits or prints none in 120 s. */
  public static MockJar start(Map<String, String> env, String... options) {
    return start(env, List.of(), options);
  }

  /** {@link #start(Map, String...)} with JVM options before {@code -jar} (e.g. {@code -Xmx96m}). */
  public static MockJar start(Map<String, String> env, List<String> jvmOptions, String... options) {
    MockJar jar = launch(env, jvmOptions, options);
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(jar.process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos(); // a loaded machine
    try {
      String line;
      while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
        jar.addLine(line);
        Matcher m = URL.matcher(line);
        if (m.find()) {
          jar.port = Integer.parseInt(m.group(1));
        }
        if (jar.port > 0 && line.startsWith("Press Ctrl-C")) {
          Thread drain = new Thread(() -> out.lines().forEach(jar::addLine), "drain");
          drain.setDaemon(true);
          drain.start();
          return jar;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jar.close();
    throw new AssertionError("no banner from the jar: " + jar.output);
  }

  /** Runs the jar to its end (bad usage): its exit code and output. */
  public static Finished run(Map<String, String> env, String... options) {
    MockJar jar = launch(env, List.of(), options);
    try {
      String text = new String(jar.process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jar.process.waitFor(30, TimeUnit.SECONDS)) {
        jar.close();
        throw new AssertionError("the jar did not exit: " + text);
      }
      return new Finished(jar.process.exitValue(), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How a jar run that ended by itself ended. */
  public record Finished(int exitCode, String output) {}

  private static MockJar launch(
      Map<String, String> env, List<String> jvmOptions, String... options) {
    if (!JAR.toFile().exists()) {
      throw new AssertionError(JAR + " is missing: run mvn package first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString(), "--port", "0"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      return new MockJar(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /** Every line printed so far. */
  public String output() {
    return String.join("\n", output);
  }

  private void addLine(String line) {
    synchronized (output) {
      output.add(line);
      output.notifyAll();
    }
  }

  /**
   * Waits until the jar has printed a line containing {@code text} (the drain thread may still be
   * reading lines the process wrote before it ended), at most {@code max}; true when it has.
   */
  public boolean awaitOutput(String text, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    synchronized (output) {
      while (output.stream().noneMatch(l -> l.contains(text))) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        output.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
