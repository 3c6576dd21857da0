package dev.reelskit.tsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm package this module packs ({@code target/reels-api-client-*.tgz}), installed with {@code
 * npm install} into an empty folder as a frontend would, and run by node: against the JUnit mock
 * (submit, poll to {@code done}, read a 404), and, as the package README's first-use snippet, under
 * the mock's own {@code check-client} on the realistic profile with the documented limits on
 * (plain, and on the {@code FLAKY} reel). The two check-client runs take about a minute of real
 * time each (a realistic job), so they start together before the first test and are judged after.
 */
class TypeScriptClientIT {

  @RegisterExtension static final ReelsMockExtension mock = ReelsMockExtension.builder().build();

  private static final Path PACKAGES = Path.of("target");
  private static final Path SNIPPETS = PACKAGES.resolve("typescript").resolve("readme-snippets");
  private static final String SNIPPET_BASE_URL = "\"http://127.0.0.1:8089\"";
  private static final String SNIPPET_TOKEN = "\"ist_your_token\"";
  private static final String SNIPPET_REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";
  private static final Duration CHECK_CLIENT_BOUND = Duration.ofMinutes(5);

  @TempDir static Path frontend;

  private static CheckClientRun realistic;
  private static CheckClientRun flaky;

  @BeforeAll
  static void install_the_tarball_and_start_check_client_on_the_readme_snippet() throws Exception {
    requireNodeAndNpm();
    Path tarball = packedClient();
    run(
        Duration.ofMinutes(4),
        "npm",
        "install",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        tarball.toAbsolutePath().toString());
    try (InputStream script = TypeScriptClientIT.class.getResourceAsStream("/use-client.mjs")) {
      Files.copy(script, frontend.resolve("use-client.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    String firstUse = runnable(Files.readString(SNIPPETS.resolve("first-use.js")));
    Files.writeString(frontend.resolve("first-use.mjs"), firstUse);
    Files.writeString(
        frontend.resolve("first-use-flaky.mjs"),
        firstUse.replace(SNIPPET_REEL, "https://www.instagram.com/reel/FLAKY1/"));
    realistic = CheckClientRun.start("first-use.mjs");
    flaky = CheckClientRun.start("first-use-flaky.mjs");
  }

  @AfterAll
  static void stop_what_is_still_running() {
    for (CheckClientRun r : new CheckClientRun[] {realistic, flaky}) {
      if (r != null) {
        r.kill();
      }
    }
  }

  /**
   * The README's first-use block, as tsc emitted it, with its base URL and token read from the
   * environment check-client sets (each literal must occur exactly once: nothing else changes).
   */
  private static String runnable(String snippet) {
    for (String literal : List.of(SNIPPET_BASE_URL, SNIPPET_TOKEN, SNIPPET_REEL)) {
      assertThat(snippet.split(java.util.regex.Pattern.quote(literal), -1))
          .as("the README's first-use snippet names %s once", literal)
          .hasSize(2);
    }
    return snippet
        .replace(SNIPPET_BASE_URL, "process.env.REELS_BASE_URL")
        .replace(SNIPPET_TOKEN, "process.env.REELS_TOKEN");
  }

  @Test
  void the_packed_client_installed_with_npm_submits_a_reel_and_polls_it_to_done() throws Exception {
    mock.traffic().clear();

    String out = run(Duration.ofMinutes(2), "node", "use-client.mjs");

    JsonNode answer = ReelsJson.mapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(answer.path("submitted").asText()).as(out).isEqualTo("pending");
    assertThat(answer.path("status").asText()).as(out).isEqualTo("done");
    assertThat(answer.path("summary").asText()).startsWith("A chef cooks garlic butter shrimp");
    assertThat(answer.path("notFound").path("status").asInt()).isEqualTo(404);
    // The errors page's 404 body, which the mock sends: {"message": "not found", "status":
    // "error"}.
    JsonNode body = answer.path("notFound").path("body");
    assertThat(body.path("message").asText()).isEqualTo("not found");
    assertThat(body.path("status").asText()).isEqualTo("error");
    JsonNode waited = answer.path("waitedForMissing");
    assertThat(waited.path("isApiError").asBoolean())
        .as("a 404 is an error, never a failed job")
        .isTrue();
    assertThat(waited.path("status").asInt()).isEqualTo(404);
    assertThat(waited.path("jobId").asLong()).isEqualTo(999_999_998L);
    assertThat(waited.path("message").asText())
        .isEqualTo("GET /api/v1/reels/999999998 answered 404 after 1 attempt: not found");
    assertThat(mock.traffic().snapshot())
        .extracting(TrafficEntry::operation)
        .startsWith("analyzeReel", "getReel")
        .allMatch(op -> op.equals("analyzeReel") || op.equals("getReel"));
    assertThat(mock.traffic().snapshot()).extracting(TrafficEntry::shown).contains(JobStatus.DONE);
  }

  @Test
  void
      the_readme_snippet_on_its_defaults_passes_check_client_on_the_realistic_profile_with_the_limits_on()
          throws Exception {
    CheckClientRun.Result result = realistic.await();

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("profile realistic, rate limit on")
        .contains("A chef cooks garlic butter shrimp");
    JsonNode report = result.report();
    assertThat(report.path("conforms").asBoolean()).as(result.output()).isTrue();
    assertThat(report.path("failed").asInt()).isZero();
    assertThat(report.path("profile").asText()).isEqualTo("realistic");
    assertThat(report.path("settings").path("rateLimit").asInt()).isEqualTo(10);
    assertThat(report.path("requests").asInt()).as("a submission and its polls").isBetween(3, 12);
  }

  @Test
  void on_the_flaky_reel_the_readme_snippet_retries_the_500s_and_ends_done_within_the_limits()
      throws Exception {
    CheckClientRun.Result result = flaky.await();

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("A chef cooks garlic butter shrimp");
    assertThat(result.output().lines().filter(l -> l.matches(".*GET /api/v1/reels/\\d+ -> 500.*")))
        .as("the mock answered 500 to some polls (its verbose log)")
        .isNotEmpty();
    assertThat(result.report().path("conforms").asBoolean()).as(result.output()).isTrue();
  }

  /** {@code check-client} of the mock's jar, as users run it, on one client script. */
  private record CheckClientRun(Process process, Path log, Path report) {

    record Result(int exit, String output, JsonNode report) {}

    static CheckClientRun start(String script) throws IOException {
      Path jar = Path.of(System.getProperty("reels.mock.jar", "missing"));
      assertThat(jar).as("the mock's jar (reels.mock.jar, built by mock-server)").exists();
      Path log = frontend.resolve(script + ".log");
      Path report = frontend.resolve(script + ".report.json");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-jar", jar.toString(), "check-client", "--verbose"));
      command.addAll(List.of("--report-json", report.toString(), "--", "node", script));
      Process process =
          new ProcessBuilder(command)
              .directory(frontend.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new CheckClientRun(process, log, report);
    }

    Result await() throws Exception {
      boolean ended = process.waitFor(CHECK_CLIENT_BOUND.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        kill();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(ended)
          .as("check-client ended within %s:%n%s", CHECK_CLIENT_BOUND, output)
          .isTrue();
      assertThat(report).as(output).exists();
      return new Result(process.exitValue(), output, ReelsJson.mapper().readTree(report.toFile()));
    }

    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Skipped with the reason without node; under CI=true a missing node fails (RequiredTools). */
  private static void requireNodeAndNpm() {
    RequiredTools.assumeInstalled("node", "npm");
  }

  private static Path packedClient() throws IOException {
    try (Stream<Path> files = Files.exists(PACKAGES) ? Files.list(PACKAGES) : Stream.empty()) {
      List<Path> tarballs =
          files
              .filter(p -> p.getFileName().toString().matches("reels-api-client-.+\\.tgz"))
              .toList();
      if (tarballs.size() != 1) {
        fail(
            "expected one reels-api-client-<version>.tgz in "
                + PACKAGES.toAbsolutePath()
                + " (built by this module's package phase), found "
                + tarballs);
      }
      return tarballs.get(0);
    }
  }

  private static String run(Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path log = frontend.resolveSibling(frontend.getFileName() + "-" + command[0] + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(frontend.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("REELS_BASE_URL", mock.baseUrl());
    builder.environment().put("REELS_TOKEN", mock.token());
    Process process = builder.start();
    boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    if (!finished || process.exitValue() != 0) {
      fail(
          String.join(" ", command)
              + (finished ? " exited " + process.exitValue() : " did not finish within " + timeout)
              + ":\n"
              + out);
    }
    return out;
  }
}
