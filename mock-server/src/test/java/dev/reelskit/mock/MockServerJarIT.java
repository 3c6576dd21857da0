package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString(), "--port", "0"));
    command.addAll(List.of(options));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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
    assertThat(String.join("\n", banner)).contains("profile     fast")
        .contains("/__admin/scenarios").contains("/docs/index.html").contains("ERROR");

    Http http = new Http(url);
    String token = "ist_integrationToken0000000001";
    long id = http.submit(token, "https://www.instagram.com/reel/DYa0IXPgnP5/");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 10 && !seen.contains("done"); i++) {
      seen.add(http.poll(token, id).json().get("status").asText());
    }
    assertThat(seen).containsExactly("pending", "processing", "done");

    // --verbose: one line per request with the token masked; one INFO line per state change
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (later.stream().noneMatch(l -> l.contains("-> 200")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(later).anyMatch(l -> l.matches(".*GET /api/v1/reels/" + id
        + " -> 200 \\(\\d+ ms\\) token ist_\\*\\*\\*\\*0001"));
    assertThat(later).anyMatch(l -> l.contains("job " + id + " processing -> done"));
    assertThat(String.join("\n", later)).doesNotContain(token);
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
    Path script = snippet("poll.mjs", url, "\nconst result = await waitForResult(" + id
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
    Path script = snippet("poll.py", url, "\nresult = wait_for_result(" + id
        + ", \"ist_your_token\")\nprint(\"done: \" + result[\"summary\"])\n");
    try {
      assertThat(runBounded(python, script.toString())).startsWith("done: ");
    } finally {
      Files.deleteIfExists(script);
    }
  }

  @Test
  void bad_usage_exits_64() throws Exception {
    Process bad = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", JAR.toString(), "--profile", "slow").redirectErrorStream(true).start();
    assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(64);
    assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("unknown profile 'slow'");
  }
}
