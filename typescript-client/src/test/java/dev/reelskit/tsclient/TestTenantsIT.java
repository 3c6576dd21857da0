package dev.reelskit.tsclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
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
    NodePackages.requireNodeAndNpm();
    NodePackages.install(NodePackages.tarball("reels-api-client"), frontend);
    try (InputStream script = getClass().getResourceAsStream("/two-workers.mjs")) {
      Files.copy(script, frontend.resolve("two-workers.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }

    String out =
        NodePackages.run(
            frontend,
            Map.of("REELS_BASE_URL", mock.baseUrl()),
            Duration.ofMinutes(4),
            "node",
            "two-workers.mjs");

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
}
