package dev.reelskit.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsTenant;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension gives each test a tenant of its own: a token, a clock and pins. */
class TenantPerTestTest {

  @RegisterExtension static ReelsMockExtension mock = ReelsMockExtension.builder().build();

  @Test
  void two_tests_running_at_once_each_move_only_their_own_clock() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .selectors(selectClass(TwoTestsTwoClocks.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
  }

  @Test
  void the_docs_show_the_parallel_example_as_it_runs() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/reelskit/mock/junit5/TwoTestsTwoClocks.java"),
            StandardCharsets.UTF_8);
    String example = source.substring(source.indexOf("@Execution(")).strip();
    String docs = Files.readString(Path.of("../docs/mock.md"), StandardCharsets.UTF_8);
    assertThat(docs).contains("```java\n" + example + "\n```");
  }

  @Test
  void the_tenant_is_a_parameter_and_its_token_submits_into_it(ReelsTenant tenant) {
    assertThat(mock.token()).isEqualTo(tenant.token());
    assertThat(mock.tenant()).isSameAs(tenant);
    Http http = new Http(mock.baseUrl());
    long id = http.submit(tenant.token(), "https://www.instagram.com/reel/DYa0IXPgnP5/");
    assertThat(tenant.jobCount()).isEqualTo(1);
    assertThat(tenant.statusOf(id)).contains(JobStatus.PENDING);
    assertThat(http.get("/__admin/reels/jobs/" + id).json().get("tenant").asText())
        .isEqualTo(tenant.name());

    mock.advanceClock(java.time.Duration.ofSeconds(90)); // the extension's: this test's tenant
    java.time.Duration ahead = java.time.Duration.between(mock.mock().now(), tenant.now());
    assertThat(ahead)
        .as("this tenant's clock is 90 s ahead of the mock's (every other tenant's)")
        .isBetween(java.time.Duration.ofSeconds(89), java.time.Duration.ofSeconds(91));
  }

  @Test
  void a_pinned_job_holds_until_released(ReelsTenant tenant) {
    Http http = new Http(mock.baseUrl());
    tenant.pinNewJobs(JobStatus.PROCESSING);
    long id = http.submit(tenant.token(), "https://www.instagram.com/reel/DYa0IXPgnP5/");
    for (int i = 0; i < 5; i++) { // fast profile: without the pin, done at the third poll
      assertThat(http.poll(tenant.token(), id).json().get("status").asText())
          .isEqualTo("processing");
    }
    assertThat(tenant.releaseAll()).isEqualTo(1);
    assertThat(http.poll(tenant.token(), id).json().get("status").asText())
        .isEqualTo("processing"); // released: it goes on from processing, one poll per state
    assertThat(http.poll(tenant.token(), id).json().get("status").asText()).isEqualTo("done");
  }

  @Test
  void each_test_has_a_different_tenant_and_it_is_deleted_after_the_test() {
    Recorder.SEEN.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Recorder.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));
    List<ReelsTenant> seen = new ArrayList<>(Recorder.SEEN);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).token()).isNotEqualTo(seen.get(1).token());
    assertThat(seen.get(0).name()).isNotEqualTo(seen.get(1).name());
    assertThat(Recorder.tenantsAfter)
        .as("after the tests, only the shared one")
        .containsExactly("default");
    assertThat(Recorder.jobsAfter)
        .as("their jobs went with them: the 10 seeded are left")
        .isEqualTo(10);
  }

  // Run only through EngineTestKit above.
  static class Recorder {
    static final List<ReelsTenant> SEEN = new CopyOnWriteArrayList<>();

    static List<String> tenantsAfter;
    static int jobsAfter;

    @RegisterExtension static ReelsMockExtension mock = ReelsMockExtension.builder().build();

    @AfterAll
    static void what_is_left() {
      tenantsAfter = new ArrayList<>();
      new Http(mock.baseUrl())
          .get("/__admin/reels/tenants")
          .json()
          .get("tenants")
          .forEach(t -> tenantsAfter.add(t.get("tenant").asText()));
      jobsAfter = mock.mock().jobCount();
    }

    @Test
    void one(ReelsTenant tenant) {
      record(tenant);
    }

    @Test
    void two(ReelsTenant tenant) {
      record(tenant);
    }

    private void record(ReelsTenant tenant) {
      new Http(mock.baseUrl())
          .submit(tenant.token(), "https://www.instagram.com/reel/DYa0IXPgnP5/");
      SEEN.add(tenant);
    }
  }
}
