package dev.reelskit.mock.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.reelskit.mock.RawHttp;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.SecuritySettings;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forged requests of a web page, over real HTTP against a mock in this JVM: each is refused and
 * changes nothing; the same request from a local origin with JSON does what it says.
 */
class RequestGuardHttpTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String EVIL = "Origin: http://evil.example";
  private static final String LOCAL = "Origin: http://localhost:5173";
  private static final String JSON = "Content-Type: application/json";
  private static final String TEXT = "Content-Type: text/plain";

  private ReelsMock mock;
  private String host;

  private void start(SecuritySettings security) {
    mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.FAST)
                .security(security)
                .build(),
            MockClock.frozenAt(START));
    host = "Host: 127.0.0.1:" + mock.port();
  }

  @BeforeEach
  void start_on_defaults() {
    start(SecuritySettings.defaults());
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  private RawHttp.Response send(String method, String path, String body, String... headers) {
    return RawHttp.send(mock.port(), method, path, body, headers);
  }

  @Nested
  class a_forged_reset {

    @BeforeEach
    void move_job_43_to_done() {
      mock.forceState(43, JobStatus.DONE);
    }

    @Test
    void is_refused_with_403_json_and_resets_nothing() {
      RawHttp.Response r = send("POST", "/__admin/scenarios/reset", "", host, EVIL, TEXT);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.headers().get("content-type")).isEqualTo("application/json");
      assertThat(r.body())
          .startsWith("{\"error\":\"admin API refused: Origin 'http://evil.example'");
      assertThat(mock.statusOf(43)).contains(JobStatus.DONE);
    }

    @Test
    void with_text_plain_and_no_origin_is_refused_too() {
      assertThat(send("POST", "/__admin/scenarios/reset", "", host, TEXT).status()).isEqualTo(403);
      assertThat(mock.statusOf(43)).contains(JobStatus.DONE);
    }

    @Test
    void from_a_local_origin_with_json_resets() {
      assertThat(send("POST", "/__admin/scenarios/reset", "{}", host, LOCAL, JSON).status())
          .isEqualTo(200);
      assertThat(mock.statusOf(43)).contains(JobStatus.PENDING);
    }
  }

  @Nested
  class a_forged_clock_advance {

    @Test
    void is_refused_and_the_clock_stays() {
      RawHttp.Response r =
          send("POST", "/__admin/reels/clock/advance", "{\"seconds\": 86400}", host, EVIL, TEXT);
      assertThat(r.status()).isEqualTo(403);
      assertThat(mock.now()).isEqualTo(START);
    }

    @Test
    void from_a_local_origin_with_json_moves_the_clock() {
      assertThat(
              send(
                      "POST",
                      "/__admin/reels/clock/advance",
                      "{\"seconds\": 86400}",
                      host,
                      LOCAL,
                      JSON)
                  .status())
          .isEqualTo(200);
      assertThat(mock.now()).isEqualTo(START.plusSeconds(86400));
    }
  }

  @Nested
  class a_forged_shutdown {

    @Test
    void is_refused_and_the_mock_keeps_serving() {
      assertThat(send("POST", "/__admin/shutdown", "", host, EVIL, TEXT).status()).isEqualTo(403);
      assertThat(send("POST", "/__admin/shutdown", "{}", host, EVIL, JSON).status()).isEqualTo(403);
      assertThat(mock.isRunning()).isTrue();
      assertThat(send("GET", "/__admin/health", null, host).status()).isEqualTo(200);
    }

    @Test
    void from_a_local_client_stops_the_server_and_tells_its_owner() throws Exception {
      CountDownLatch told = new CountDownLatch(1);
      mock.onAdminShutdown(told::countDown);
      assertThat(send("POST", "/__admin/shutdown", "", host, JSON).status()).isEqualTo(200);
      assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(mock.isRunning()).isFalse();
    }
  }

  @Nested
  class a_foreign_host {

    @ParameterizedTest(name = "GET {0} with Host evil.example gets 403")
    @ValueSource(
        strings = {
          "/api/v1/reels/42",
          "/docs/index.html",
          "/docs/openapi.yaml",
          "/__admin/scenarios",
          "/__admin/mappings",
          "/__admin/swagger-ui/",
          "/__admin/recorder/",
          "/__admin/not-matched",
          "/__files/anything",
          "/nothing-here"
        })
    void is_refused_everywhere(String path) {
      RawHttp.Response r =
          send(
              "GET",
              path,
              null,
              "Host: evil.example:" + mock.port(),
              "Authorization: Bearer " + ReelsMock.DEFAULT_TEST_TOKEN);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body())
          .isEqualTo(
              "{\"error\":\"Host 'evil.example:"
                  + mock.port()
                  + "' is not"
                  + " allowed (DNS rebinding protection): start the mock with --allowed-host evil.example"
                  + " to serve it\"}");
    }

    @Test
    void cannot_even_preflight() {
      assertThat(
              send(
                      "OPTIONS",
                      "/api/v1/reels/analyze",
                      null,
                      "Host: evil.example",
                      EVIL,
                      "Access-Control-Request-Method: POST")
                  .status())
          .isEqualTo(403);
    }

    @Test
    void a_local_name_is_served() {
      assertThat(
              send(
                      "GET",
                      "/api/v1/reels/42",
                      null,
                      "Host: localhost:" + mock.port(),
                      "Authorization: Bearer " + ReelsMock.DEFAULT_TEST_TOKEN)
                  .status())
          .isEqualTo(200);
      assertThat(send("GET", "/docs/openapi.yaml", null, "Host: app.localhost").status())
          .isEqualTo(200);
    }
  }

  @Test
  void allowed_host_lets_a_named_host_in() {
    mock.close();
    start(SecuritySettings.defaults().withAllowedHosts(Set.of("mock.internal")));
    assertThat(
            send(
                    "GET",
                    "/api/v1/reels/42",
                    null,
                    "Host: mock.internal:" + mock.port(),
                    "Authorization: Bearer " + ReelsMock.DEFAULT_TEST_TOKEN)
                .status())
        .isEqualTo(200);
    assertThat(send("GET", "/__admin/scenarios", null, "Host: mock.internal").status())
        .isEqualTo(200);
    assertThat(send("GET", "/api/v1/reels/42", null, "Host: other.internal").status())
        .isEqualTo(403);
  }

  @Nested
  class admin_preflights {

    @Test
    void from_a_foreign_origin_are_refused_before_jettys_cors_filter_allows_them() {
      RawHttp.Response r =
          send(
              "OPTIONS",
              "/__admin/scenarios/reset",
              null,
              host,
              EVIL,
              "Access-Control-Request-Method: POST",
              "Access-Control-Request-Headers: content-type");
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void from_a_local_origin_are_answered() {
      RawHttp.Response r =
          send(
              "OPTIONS",
              "/__admin/scenarios/reset",
              null,
              host,
              LOCAL,
              "Access-Control-Request-Method: POST",
              "Access-Control-Request-Headers: content-type");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers()).containsEntry("access-control-allow-origin", "http://localhost:5173");
    }
  }

  @Test
  void an_encoded_admin_path_is_judged_as_the_admin_path() {
    RawHttp.Response r = send("POST", "/%5F%5Fadmin/shutdown", "", host, EVIL, TEXT);
    assertThat(r.status()).isIn(400, 403, 404);
    assertThat(mock.isRunning()).isTrue();
  }

  @Test
  void wiremocks_own_java_client_keeps_working() {
    WireMock client = WireMock.create().host("127.0.0.1").port(mock.port()).build();
    mock.forceState(43, JobStatus.DONE);
    client.resetScenarios();
    assertThat(mock.statusOf(43)).contains(JobStatus.PENDING);
    client.register(WireMock.get("/hello").willReturn(WireMock.ok("hi")));
    assertThat(client.allStubMappings().getMappings()).hasSize(1);
    client.resetMappings();
    assertThat(client.allStubMappings().getMappings()).isEmpty();
  }

  @Nested
  class with_an_admin_token {

    private static final String TOKEN = "admin-token-for-tests-0001";

    @BeforeEach
    void restart_with_token() {
      mock.close();
      start(SecuritySettings.defaults().withAdminToken(TOKEN));
    }

    @Test
    void admin_requests_without_it_get_401_and_change_nothing() {
      RawHttp.Response r =
          send("POST", "/__admin/reels/clock/advance", "{\"seconds\": 5}", host, JSON);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.headers())
          .containsEntry("www-authenticate", "Bearer realm=\"reels-mock-admin\"");
      assertThat(send("GET", "/__admin/scenarios", null, host).status()).isEqualTo(401);
      assertThat(mock.now()).isEqualTo(START);
    }

    @Test
    void with_it_they_work() {
      assertThat(
              send(
                      "POST",
                      "/__admin/reels/clock/advance",
                      "{\"seconds\": 5}",
                      host,
                      JSON,
                      "Authorization: Bearer " + TOKEN)
                  .status())
          .isEqualTo(200);
      assertThat(mock.now()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void the_api_still_takes_only_its_own_tokens() {
      assertThat(
              send(
                      "GET",
                      "/api/v1/reels/42",
                      null,
                      host,
                      "Authorization: Bearer " + ReelsMock.DEFAULT_TEST_TOKEN)
                  .status())
          .isEqualTo(200);
    }
  }
}
