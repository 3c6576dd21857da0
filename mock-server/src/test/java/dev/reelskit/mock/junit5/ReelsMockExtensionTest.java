package dev.reelskit.mock.junit5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReelsMockExtensionTest {

  @RegisterExtension
  static ReelsMockExtension perClass = ReelsMockExtension.builder().frozenClock().build();

  @RegisterExtension
  ReelsMockExtension perTest = ReelsMockExtension.builder().build();

  private static ReelsMock firstPerTest;

  @Test
  void a_static_field_gives_one_mock_on_loopback_and_a_free_port() {
    assertThat(perClass.baseUrl()).startsWith("http://127.0.0.1:").doesNotEndWith(":8089");
    assertThat(new Http(perClass.baseUrl()).poll(perClass.token(), 42).status()).isEqualTo(200);
    assertThat(perClass.traffic().snapshot()).isNotEmpty();
  }

  @Test
  void an_instance_field_gives_a_fresh_mock_per_test_and_the_old_one_is_stopped() {
    if (firstPerTest == null) {
      firstPerTest = perTest.mock();
    } else {
      assertThat(perTest.mock()).isNotSameAs(firstPerTest);
      assertThat(firstPerTest.isRunning()).isFalse();
    }
    assertThat(perTest.mock().isRunning()).isTrue();
  }

  @Test
  void another_test_for_the_per_test_mock() {
    an_instance_field_gives_a_fresh_mock_per_test_and_the_old_one_is_stopped();
  }

  @Test
  void the_clock_is_under_the_test_s_control() {
    Instant before = perClass.mock().now();
    perClass.advanceClock(Duration.ofSeconds(30));
    assertThat(perClass.mock().now()).isEqualTo(before.plusSeconds(30));
  }

  @Test
  void a_stub_from_wiremock_s_dsl_wins_for_one_job_and_other_jobs_keep_the_api() {
    perTest.stubFor(get(urlPathEqualTo("/api/v1/reels/42")).willReturn(aResponse()
        .withStatus(503).withHeader("Retry-After", "1")));
    Http http = new Http(perTest.baseUrl());
    assertThat(http.poll(perTest.token(), 42).status()).isEqualTo(503);
    assertThat(http.poll(perTest.token(), 99).json().get("status").asText()).isEqualTo("done");
    assertThat(perTest.server().listAllStubMappings().getMappings()).hasSize(1);
  }

  @AfterAll
  static void per_class_mock_is_still_running_until_the_class_ends() {
    assertThat(perClass.mock().isRunning()).isTrue();
  }
}
