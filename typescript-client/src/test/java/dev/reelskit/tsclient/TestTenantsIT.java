package dev.reelskit.tsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.ReelsJson;
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
 * {@code reels-api-client/testing} from the packed tarball: two workers, each with a tenant of its
 * own on one mock ({@code two-workers.mjs}, the example docs/frontend.md shows): one moves its
 * clock, the other's job stays; pinned states hold and release.
 */
class TestTenantsIT {

  @RegisterExtension
  static final ReelsMockExtension mock =
      ReelsMockExtension.builder()
          .profile(TimingProfile.REALISTIC)
          .frozenClock()
          .tenantPerTest(false)
          .build();

  @TempDir Path frontend;

  @Test
  void two_workers_with_tenants_of_their_own_move_only_their_own_jobs() throws Exception {
    if ("true".equals(System.getenv("CI"))) {
      for (String tool : List.of("node", "npm")) {
        if (!answers(tool)) {
          fail(tool + " is not installed, and CI=true: the TypeScript client must be tested in CI");
        }
      }
    }
    RequiredTools.assumeInstalled("node", "npm");
    run("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", tarball().toString());
    try (InputStream script = getClass().getResourceAsStream("/two-workers.mjs")) {
      Files.copy(script, frontend.resolve("two-workers.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }

    String out = run("node", "two-workers.mjs");

    JsonNode answer = ReelsJson.mapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(answer.path("tenants").toString()).as(out).isEqualTo("[\"worker-a\",\"worker-b\"]");
    assertThat(answer.path("tokensDiffer").asBoolean()).isTrue();
    assertThat(answer.path("afterA").path("a").asText()).as(out).isEqualTo("done");
    assertThat(answer.path("afterA").path("b").asText()).as(out).isEqualTo("pending");
    JsonNode held = answer.path("held");
    assertThat(held.path("submitted").asText()).isEqualTo("pending");
    assertThat(held.path("polled").asText()).as(out).isEqualTo("processing");
    assertThat(held.path("after600s").asText()).as(out).isEqualTo("processing");
    assertThat(held.path("released").asInt()).isEqualTo(1);
    assertThat(held.path("afterRelease").asText()).as(out).isEqualTo("done");
    assertThat(answer.path("gone").asInt()).as("a closed tenant's jobs are deleted").isEqualTo(404);
    assertThat(out).as("no token printed").doesNotContainPattern("ist_[A-Za-z0-9]{20,}");
  }

  @Test
  void docs_frontend_md_shows_the_script_as_it_runs() throws IOException {
    String script;
    try (InputStream in = getClass().getResourceAsStream("/two-workers.mjs")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    assertThat(Files.readString(Path.of("../docs/frontend.md"), StandardCharsets.UTF_8))
        .contains("```js\n" + script + "\n```");
  }

  private static Path tarball() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> found =
          files
              .filter(p -> p.getFileName().toString().matches("reels-api-client-.+\\.tgz"))
              .toList();
      assertThat(found).as("the packed client in target/").hasSize(1);
      return found.get(0).toAbsolutePath();
    }
  }

  private String run(String... command) throws IOException, InterruptedException {
    Path log = frontend.resolveSibling(frontend.getFileName() + "-" + command[0] + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(frontend.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("REELS_BASE_URL", mock.baseUrl());
    Process process = builder.start();
    Duration timeout = Duration.ofMinutes(4);
    boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    if (!finished || process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed:\n" + out);
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
