package dev.reelskit.mock.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.RawHttp;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.settings.MockServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What MockHttpFuzzTest found: requests refused before any of the mock's handlers see them (by
 * Jetty's parser, or by WireMock decoding a form body) answered with Jetty's HTML page, once a 500
 * showing WireMock's stack to any page that posts a form. Now a JSON 400, whatever the method.
 */
class JettyRefusalsTest {

  private static ReelsMock mock;

  @BeforeAll
  static void start() {
    mock = ReelsMock.start(MockServerSettings.builder().port(0).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POST", "OPTIONS", "PUT", "GET"})
  void an_undecodable_form_body_is_a_json_400_without_a_stack(String method) {
    RawHttp.Response r =
        RawHttp.send(
            mock.port(),
            method,
            "/api/v1/reels/analyze",
            "url=%E",
            "Host: 127.0.0.1",
            // With a token: without one, the intake answers 401 before the body is read at all.
            "Authorization: Bearer " + ReelsMock.DEFAULT_TEST_TOKEN,
            "Content-Type: application/x-www-form-urlencoded");

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().get("content-type")).startsWith("application/json");
    assertThat(r.body()).startsWith("{\"error\":\"the body is not valid").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/v1/reels/%00", "/api/v1/%05%00"})
  void a_request_jetty_cannot_parse_is_a_json_400(String path) {
    RawHttp.Response r = RawHttp.send(mock.port(), "GET", path, null, "Host: 127.0.0.1");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers().get("content-type")).startsWith("application/json");
    assertThat(r.body()).startsWith("{\"error\":\"the request is not valid HTTP");
  }
}
