package dev.reelskit.mock.junit5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

class ReelsMockExtensionTest {

  @RegisterExtension
  static ReelsMockExtension perClass = ReelsMockExtension.builder().frozenClock().build();

  @RegisterExtension ReelsMockExtension perTest = ReelsMockExtension.builder().build();

  @Test
  void an_instance_field_gives_a_fresh_mock_per_test_and_stops_each_after_its_test() {
    TwoTestsWithAPerTestMock.SEEN.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(TwoTestsWithAPerTestMock.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    List<Seen> seen = List.copyOf(TwoTestsWithAPerTestMock.SEEN);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).mock()).isNotSameAs(seen.get(0).mock());
    assertThat(seen.get(1).earlierStillRunning())
        .as("the first test's mock, seen from the second")
        .isFalse();
    assertThat(seen).allSatisfy(s -> assertThat(s.runningInItsTest()).isTrue());
    assertThat(seen).allSatisfy(s -> assertThat(s.mock().isRunning()).isFalse());
  }

  record Seen(ReelsMock mock, boolean runningInItsTest, boolean earlierStillRunning) {}

  // Run only through EngineTestKit above (surefire skips nested classes); both tests record the
  // same thing, so whichever runs second checks the first.
  static class TwoTestsWithAPerTestMock {
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension ReelsMockExtension perTest = ReelsMockExtension.builder().build();

    @Test
    void one() {
      record();
    }

    @Test
    void two() {
      record();
    }

    private void record() {
      boolean earlier = !SEEN.isEmpty() && SEEN.get(SEEN.size() - 1).mock().isRunning();
      SEEN.add(new Seen(perTest.mock(), perTest.mock().isRunning(), earlier));
    }
  }

  @Test
  void the_clock_is_under_the_test_s_control_and_moves_only_the_test_s_tenant() {
    Instant mockBefore = perClass.mock().now();
    Instant before = perClass.tenant().now();
    perClass.advanceClock(Duration.ofSeconds(30));
    assertThat(perClass.tenant().now()).isEqualTo(before.plusSeconds(30));
    assertThat(perClass.mock().now()).as("the mock's clock: other tenants'").isEqualTo(mockBefore);

    perClass.mock().advanceClock(Duration.ofSeconds(10));
    assertThat(perClass.mock().now()).isEqualTo(mockBefore.plusSeconds(10));
    assertThat(perClass.tenant().now())
        .as("the mock's clock moves every tenant")
        .isEqualTo(before.plusSeconds(40));
  }

  @Test
  void a_stub_from_wiremock_s_dsl_wins_for_one_job_and_other_jobs_keep_the_api() {
    perTest.stubFor(
        get(urlPathEqualTo("/api/v1/reels/42"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    Http http = new Http(perTest.baseUrl());
    assertThat(http.poll(perTest.token(), 42).status()).isEqualTo(503);
    assertThat(http.poll(perTest.token(), 99).json().get("status").asText()).isEqualTo("done");
    assertThat(perTest.server().listAllStubMappings().getMappings()).hasSize(1);
  }

  @Test
  void with_configure_static_dsl_wiremock_s_static_stub_for_reaches_this_mock() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(StaticDslUser.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  // Run only through EngineTestKit above: WireMock's habit, the static DSL, with no client set up.
  static class StaticDslUser {
    @RegisterExtension
    ReelsMockExtension mock = ReelsMockExtension.builder().configureStaticDsl(true).build();

    @Test
    void static_stub_for_wins_over_the_api() {
      WireMock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/43")).willReturn(aResponse().withStatus(418)));
      Http http = new Http(mock.baseUrl());
      assertThat(http.poll(mock.token(), 43).status()).isEqualTo(418);
      assertThat(http.poll(mock.token(), 42).json().get("status").asText()).isEqualTo("done");
    }
  }

  @AfterAll
  static void per_class_mock_is_still_running_until_the_class_ends() {
    assertThat(perClass.mock().isRunning()).isTrue();
  }
}
