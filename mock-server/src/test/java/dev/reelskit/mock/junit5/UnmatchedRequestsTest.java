package dev.reelskit.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.reelskit.mock.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** STYLE.md 25: a request the mock cannot match to a documented operation fails the test. */
class UnmatchedRequestsTest {

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  @Test
  void a_test_that_calls_an_undocumented_path_fails_naming_the_request() {
    Events events = run(CallsAnUnknownPath.class);

    events.assertStatistics(s -> s.succeeded(1).failed(1));
    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("calls_an_unknown_path"),
                finishedWithFailure(
                    message(
                        m ->
                            m.startsWith(
                                    "1 request(s) to the Reels mock matched no documented operation")
                                && m.contains("GET /api/v1/reels/42/comments -> 404")))));
  }

  @Test
  void the_check_can_be_turned_off_for_tests_that_probe_on_purpose() {
    run(ProbesOnPurpose.class).assertStatistics(s -> s.succeeded(1).failed(0));
  }

  // Run only through EngineTestKit above (surefire skips nested classes).
  static class CallsAnUnknownPath {
    @RegisterExtension static ReelsMockExtension mock = ReelsMockExtension.builder().build();

    @Test
    void calls_only_documented_operations() {
      assertThat(new Http(mock.baseUrl()).poll(mock.token(), 42).status()).isEqualTo(200);
    }

    @Test
    void calls_an_unknown_path() {
      new Http(mock.baseUrl())
          .get("/api/v1/reels/42/comments", "Authorization", "Bearer " + mock.token());
    }
  }

  static class ProbesOnPurpose {
    @RegisterExtension
    static ReelsMockExtension mock =
        ReelsMockExtension.builder().failOnUnmatchedRequests(false).build();

    @Test
    void calls_an_unknown_path() {
      new Http(mock.baseUrl())
          .get("/api/v1/reels/42/comments", "Authorization", "Bearer " + mock.token());
    }
  }
}
