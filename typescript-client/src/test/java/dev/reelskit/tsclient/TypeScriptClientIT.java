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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm package this module packs ({@code target/reels-api-client-*.tgz}), installed with {@code
 * npm install} into an empty folder as a frontend would, and run by node against the mock: submit,
 * poll to {@code done}, read a 404's body.
 */
class TypeScriptClientIT {

  @RegisterExtension static final ReelsMockExtension mock = ReelsMockExtension.builder().build();

  private static final Path PACKAGES = Path.of("target");

  @TempDir Path frontend;

  @Test
  void the_packed_client_installed_with_npm_submits_a_reel_and_polls_it_to_done() throws Exception {
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
    try (InputStream script = getClass().getResourceAsStream("/use-client.mjs")) {
      Files.copy(script, frontend.resolve("use-client.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    mock.traffic().clear();

    String out = run(Duration.ofMinutes(2), "node", "use-client.mjs");

    JsonNode answer = ReelsJson.mapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(answer.path("submitted").asText()).as(out).isEqualTo("pending");
    assertThat(answer.path("status").asText()).as(out).isEqualTo("done");
    assertThat(answer.path("summary").asText()).startsWith("A chef cooks garlic butter shrimp");
    assertThat(answer.path("notFound").path("status").asInt()).isEqualTo(404);
    // The errors page's 404 body, which the mock sends: {"message": "not found", "status":
    // "error"}.
    assertThat(answer.path("notFound").path("body").path("message").asText())
        .isEqualTo("not found");
    assertThat(answer.path("notFound").path("body").path("status").asText()).isEqualTo("error");
    assertThat(mock.traffic().snapshot())
        .extracting(TrafficEntry::operation)
        .startsWith("analyzeReel", "getReel")
        .allMatch(op -> op.equals("analyzeReel") || op.equals("getReel"));
    assertThat(mock.traffic().snapshot()).extracting(TrafficEntry::shown).contains(JobStatus.DONE);
  }

  /**
   * Skipped with the reason without node; under CI=true a missing node fails (.ci/run installs it).
   */
  private static void requireNodeAndNpm() {
    if ("true".equals(System.getenv("CI"))) {
      for (String tool : List.of("node", "npm")) {
        if (!answers(tool)) {
          fail(tool + " is not installed, and CI=true: the TypeScript client must be tested in CI");
        }
      }
    }
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

  private String run(Duration timeout, String... command) throws IOException, InterruptedException {
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

  private static boolean answers(String tool) {
    try {
      Process p =
          new ProcessBuilder(tool, "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
