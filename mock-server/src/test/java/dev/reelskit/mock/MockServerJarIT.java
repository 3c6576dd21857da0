package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.buildrules.RequiredTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as users do: {@code java -jar reels-mock-server.jar --port 0}. */
class MockServerJarIT {

  private static final Path JAR = Path.of("target", "reels-mock-server.jar");
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

  private Process process;
  private final List<String> banner = new ArrayList<>();
  private final List<String> later = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Starts the jar and answers the base URL its banner prints. */
  private String startJar(String... options) throws IOException {
    return startJar(List.of(), options);
  }

  private String startJar(List<String> jvmOptions, String... options) throws IOException {
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString(), "--port", "0"));
    command.addAll(List.of(options));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    // Generous: a JVM start on a loaded 2-core machine has been seen to take over 30 s.
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String line;
    String url = null;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      banner.add(line);
      Matcher m = URL.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
      if (url != null && line.startsWith("Press Ctrl-C")) {
        Thread drain = new Thread(() -> out.lines().forEach(later::add), "drain");
        drain.setDaemon(true);
        drain.start();
        return url;
      }
    }
    throw new AssertionError("no URL in the banner: " + banner);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM, like Ctrl-C: the shutdown hook stops the server
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  @Test
  void the_jar_starts_on_a_free_port_and_drives_a_job_to_done() throws Exception {
    String url = startJar("--profile", "fast", "--verbose");
    assertThat(String.join("\n", banner))
        .contains("profile     fast")
        .contains("/__admin/scenarios")
        .contains("/docs/index.html")
        .contains("ERROR");

    Http http = new Http(url);
    String token = "ist_integrationToken0000000001";
    long id = http.submit(token, "https://www.instagram.com/reel/DYa0IXPgnP5/");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 10 && !seen.contains("done"); i++) {
      seen.add(http.poll(token, id).json().get("status").asText());
    }
    assertThat(seen).containsExactly("pending", "processing", "done");

    // --verbose: one line per request with the token masked; one INFO line per state change.
    // The log is written by another process: wait (generously) for each line we expect.
    String requestLine =
        ".*GET /api/v1/reels/" + id + " -> 200 \\(\\d+ ms\\) token ist_\\*\\*\\*\\*0001";
    String stateLine = "job " + id + " processing -> done";
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!(later.stream().anyMatch(l -> l.matches(requestLine))
            && later.stream().anyMatch(l -> l.contains(stateLine)))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(later).anyMatch(l -> l.matches(requestLine));
    assertThat(later).anyMatch(l -> l.contains(stateLine));
    assertThat(String.join("\n", later)).doesNotContain(token);
  }

  @Test
  void the_child_runs_on_the_serial_collector_with_a_small_heap_unless_the_user_picks_one()
      throws Exception {
    startJar(List.of());
    List<String> child = childArguments();
    assertThat(child)
        .as("the memory tuning (docs/benchmarks.md: peak RSS under load)")
        .contains("-XX:+UseSerialGC", "-Xms16m", "-XX:MaxHeapFreeRatio=30");
  }

  @Test
  void java_jar_serves_from_a_child_on_the_class_data_archive_tuned_for_start() throws Exception {
    String url = startJar(List.of("-XX:TieredStopAtLevel=4", "-XX:+UseParallelGC"));
    assertThat(new Http(url).poll("ist_your_token", 42).json().get("status").asText())
        .isEqualTo("done");

    List<String> child = childArguments();
    assertThat(child)
        .contains(
            "-XX:SharedArchiveFile=" + JAR.toAbsolutePath().resolveSibling("reels-mock-server.jsa"),
            "-Dreels.mock.cds=child");
    // The start tuning first, the user's JVM options after it, so that the user's win.
    assertThat(child.indexOf("-XX:TieredStopAtLevel=1"))
        .isNotNegative()
        .isLessThan(child.indexOf("-XX:TieredStopAtLevel=4"));
    // A collector the user picks replaces the serial one (two would stop the JVM).
    assertThat(child).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");
  }

  private List<String> childArguments() {
    List<List<String>> children =
        process
            .children()
            .map(c -> c.info().arguments().map(List::of).orElse(List.<String>of()))
            .toList();
    assertThat(children).as("one child JVM, its arguments").hasSize(1);
    return children.get(0);
  }

  /** A docs snippet, verbatim but for the host, as a file; {@code tail} calls it. */
  private static Path snippet(String name, String url, String tail) throws IOException {
    String text;
    try (var in = MockServerJarIT.class.getResourceAsStream("/docs-snippets/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = Files.createTempFile("docs-snippet", name.substring(name.lastIndexOf('.')));
    Files.writeString(file, text.replace("https://api.instatollm.com", url) + tail);
    return file;
  }

  /** Runs a client for at most 90 s (the bash loop has no timeout of its own); its output. */
  private static String runBounded(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = p.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("ended within 90 s: " + output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void the_docs_bash_loop_verbatim_with_ist_your_token_reaches_done() throws Exception {
    RequiredTools.assumeInstalled("bash", "curl", "jq");
    String url = startJar(); // the defaults but the port
    Path script = snippet("poll.sh", url, "");
    try {
      assertThat(runBounded("bash", script.toString())).isEqualTo("Status: done\n");
    } finally {
      Files.deleteIfExists(script);
    }
  }

  @Test
  void the_docs_fetch_loop_verbatim_with_ist_your_token_reaches_done() throws Exception {
    RequiredTools.assumeInstalled("node");
    String url = startJar();
    long id = new Http(url).submit("ist_your_token", "https://www.instagram.com/reel/DYa0IXPgnP5/");
    Path script =
        snippet(
            "poll.mjs",
            url,
            "\nconst result = await waitForResult("
                + id
                + ", \"ist_your_token\");\nconsole.log(\"done: \" + result.summary);\n");
    try {
      assertThat(runBounded("node", script.toString())).startsWith("done: ");
    } finally {
      Files.deleteIfExists(script);
    }
    assertThat(later).noneMatch(l -> l.contains("ist_your_token"));
  }

  @Test
  void the_docs_python_loop_verbatim_with_ist_your_token_reaches_done() throws Exception {
    String python = RequiredTools.pythonWith("httpx");
    String url = startJar();
    long id = new Http(url).submit("ist_your_token", "https://www.instagram.com/reel/DYa0IXPgnP5/");
    Path script =
        snippet(
            "poll.py",
            url,
            "\nresult = wait_for_result("
                + id
                + ", \"ist_your_token\")\nprint(\"done: \" + result[\"summary\"])\n");
    try {
      assertThat(runBounded(python, script.toString())).startsWith("done: ");
    } finally {
      Files.deleteIfExists(script);
    }
  }

  @Test
  void the_jar_defaults_to_the_quick_profile_on_loopback_with_the_seeded_jobs() throws Exception {
    String url = startJar();

    assertThat(banner).anyMatch(l -> l.matches("\\s*profile\\s+quick\\b.*"));
    assertThat(url).startsWith("http://127.0.0.1:");
    JsonNode job = new Http(url).poll("ist_jarDefaults000000000000001", 42).json();
    assertThat(job.get("status").asText()).isEqualTo("done");
  }

  @Test
  void disable_seed_jobs_and_bind_are_obeyed() throws Exception {
    String url = startJar("--disable-seed-jobs", "--bind", "127.0.0.2");

    assertThat(url).startsWith("http://127.0.0.2:");
    String port = url.substring(url.lastIndexOf(':') + 1);
    assertThat(new Http(url).poll("ist_jarDefaults000000000000001", 42).status()).isEqualTo(404);
    assertThatThrownBy(() -> new Http("http://127.0.0.1:" + port).get("/api/v1/reels/42"))
        .as("nothing listens on 127.0.0.1:" + port)
        .hasCauseInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void bad_usage_exits_64() throws Exception {
    Process bad =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--profile",
                "slow")
            .redirectErrorStream(true)
            .start();
    assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(64);
    assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("unknown profile 'slow'");
  }
}
