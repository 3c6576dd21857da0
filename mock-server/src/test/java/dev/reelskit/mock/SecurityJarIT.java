package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The forged requests a web page can send, against {@code java -jar}: refused, nothing changed, the
 * process alive; the same from a local client working; shutdown ending the process; the rules of a
 * non-loopback bind.
 */
class SecurityJarIT {

  private static final String TOKEN = "Authorization: Bearer ist_securityJarToken00000001";
  private static final String ADMIN_TOKEN = "jar-admin-token-0123456789abcdef";
  private static final String EVIL = "Origin: http://evil.example";
  private static final String TEXT = "Content-Type: text/plain";
  private static final String JSON = "Content-Type: application/json";

  /** How long a shutdown may take before the process counts as still running. */
  private static final Duration EXIT_BUDGET = Duration.ofSeconds(30);

  private MockJar jar;

  @AfterEach
  void stop() {
    if (jar != null) {
      jar.close();
    }
  }

  private RawHttp.Response send(String method, String path, String body, String... headers) {
    return RawHttp.send(jar.port(), method, path, body, headers);
  }

  private String local() {
    return "Host: 127.0.0.1:" + jar.port();
  }

  private String statusOf(long id) {
    String body = send("GET", "/api/v1/reels/" + id, null, local(), TOKEN).body();
    return body.replaceAll(".*\"status\":\"(\\w+)\".*", "$1");
  }

  /** The mock's time (it runs on real time, so only a jump shows an advance). */
  private Instant clock() {
    return Instant.parse(
        send("GET", "/__admin/reels/clock", null, local())
            .body()
            .replaceAll(".*\"now\":\"([^\"]+)\".*", "$1"));
  }

  @Test
  void forged_admin_requests_are_refused_and_change_nothing() {
    jar = MockJar.start(Map.of(), "--profile", "fast");
    send("PUT", "/__admin/reels/jobs/43/state", "{\"state\":\"done\"}", local(), JSON);
    Instant clockBefore = clock();

    assertThat(send("POST", "/__admin/scenarios/reset", "", local(), EVIL, TEXT).status())
        .isEqualTo(403);
    assertThat(
            send("POST", "/__admin/reels/clock/advance", "{\"seconds\":86400}", local(), EVIL, TEXT)
                .status())
        .isEqualTo(403);
    assertThat(send("POST", "/__admin/shutdown", "", local(), EVIL, TEXT).status()).isEqualTo(403);
    for (String path :
        new String[] {"/api/v1/reels/42", "/docs/index.html", "/__admin/scenarios"}) {
      RawHttp.Response r = send("GET", path, null, "Host: evil.example:" + jar.port(), TOKEN);
      assertThat(r.status()).as(path).isEqualTo(403);
      assertThat(r.body()).as(path).contains("--allowed-host evil.example");
    }

    assertThat(statusOf(43)).isEqualTo("done");
    assertThat(clock()).isBefore(clockBefore.plus(Duration.ofHours(1))); // no day was added
    assertThat(jar.process().isAlive()).isTrue();
    assertThat(send("GET", "/__admin/health", null, local()).status()).isEqualTo(200);
  }

  @Test
  void the_same_requests_from_a_local_origin_with_json_succeed() {
    jar = MockJar.start(Map.of(), "--profile", "fast");
    send("PUT", "/__admin/reels/jobs/43/state", "{\"state\":\"done\"}", local(), JSON);
    String origin = "Origin: http://localhost:5173";

    assertThat(send("POST", "/__admin/scenarios/reset", "{}", local(), origin, JSON).status())
        .isEqualTo(200);
    assertThat(statusOf(43)).isEqualTo("pending");
    Instant before = clock();
    assertThat(
            send(
                    "POST",
                    "/__admin/reels/clock/advance",
                    "{\"seconds\":86400}",
                    local(),
                    origin,
                    JSON)
                .status())
        .isEqualTo(200);
    assertThat(clock()).isAfter(before.plus(Duration.ofHours(23)));
  }

  /**
   * The process ends by itself: without the exit it would run on, and the wait below would run out.
   * The budget is generous for a loaded 2-core machine; the time taken is printed.
   */
  @Test
  void shutdown_from_a_local_client_exits_0_with_a_log_line() throws Exception {
    jar = MockJar.start(Map.of());
    long sent = System.nanoTime();
    assertThat(send("POST", "/__admin/shutdown", "", local(), JSON).status()).isEqualTo(200);
    boolean exited = jar.process().waitFor(EXIT_BUDGET.toSeconds(), TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - sent);
    System.out.printf("shutdown: the jar exited %d ms after the request%n", took.toMillis());

    assertThat(exited).as("exited within %s (took %s)", EXIT_BUDGET, took).isTrue();
    assertThat(jar.process().exitValue()).isZero();
    assertThat(jar.awaitOutput("shutdown requested", Duration.ofSeconds(10)))
        .as(jar.output())
        .isTrue();
    assertThat(jar.output()).contains("shutdown requested through POST /__admin/shutdown");
  }

  @Test
  void allowed_host_lets_a_named_host_in() {
    jar =
        MockJar.start(Map.of(), "--allowed-host", "mock.internal", "--allowed-host", "*.dev.test");
    assertThat(
            send("GET", "/api/v1/reels/42", null, "Host: mock.internal:" + jar.port(), TOKEN)
                .status())
        .isEqualTo(200);
    assertThat(send("GET", "/docs/openapi.yaml", null, "Host: web.dev.test").status())
        .isEqualTo(200);
    assertThat(send("GET", "/api/v1/reels/42", null, "Host: evil.example", TOKEN).status())
        .isEqualTo(403);
    assertThat(jar.output()).contains("mock.internal, *.dev.test; any other Host gets 403");
  }

  @Test
  void allowed_host_star_serves_any_host_and_the_banner_warns() {
    jar = MockJar.start(Map.of(), "--allowed-host", "*");
    assertThat(send("GET", "/api/v1/reels/42", null, "Host: evil.example", TOKEN).status())
        .isEqualTo(200);
    assertThat(jar.output()).contains("WARNING     --allowed-host *: every Host is served");
  }

  @Test
  void a_non_loopback_bind_without_admin_token_refuses_to_start_with_exit_64() {
    MockJar.Finished run = MockJar.run(Map.of(), "--bind", "0.0.0.0");
    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.output())
        .contains(
            "error: --bind 0.0.0.0 is not a loopback address, so the"
                + " admin API needs a token: set REELS_MOCK_ADMIN_TOKEN or --admin-token-file FILE");
  }

  @Test
  void a_non_loopback_bind_with_an_admin_token_requires_it_on_every_admin_request() {
    jar = MockJar.start(Map.of("REELS_MOCK_ADMIN_TOKEN", ADMIN_TOKEN), "--bind", "0.0.0.0");
    assertThat(jar.output()).contains("admin lock  token required").doesNotContain(ADMIN_TOKEN);

    assertThat(send("GET", "/__admin/scenarios", null, local()).status()).isEqualTo(401);
    assertThat(send("POST", "/__admin/shutdown", "", local(), JSON).status()).isEqualTo(401);
    assertThat(jar.process().isAlive()).isTrue();
    assertThat(
            send("GET", "/__admin/scenarios", null, local(), "Authorization: Bearer " + ADMIN_TOKEN)
                .status())
        .isEqualTo(200);
    assertThat(send("GET", "/api/v1/reels/42", null, local(), TOKEN).status()).isEqualTo(200);
  }

  @Test
  void terminal_controls_in_what_a_client_sent_are_printed_escaped() {
    jar = MockJar.start(Map.of(), "--verbose");
    // Jetty passes a path's raw UTF-8 bytes: a bidi override (E2 80 AE, which reorders what a
    // reader sees) and a C1 CSI (C2 9B, ESC [ in one character). ISO-8859-1 writes these chars
    // as those bytes.
    assertThat(send("GET", "/api/v1/reels/1\u00e2\u0080\u00ae2", null, local(), TOKEN).status())
        .isEqualTo(404);
    assertThat(send("GET", "/api/v1/reels/1\u00c2\u009b2J", null, local(), TOKEN).status())
        .isEqualTo(404);
    // a job URL with ESC ] 0 ; ... BEL (sets a terminal's title) and ESC [ 2 J (clears it) is
    // refused before anything logs it
    String url = "https://www.instagram.com/reel/Esc/?t=\\u001b]0;pwned\\u0007\\u001b[2J";
    assertThat(
            send("POST", "/api/v1/reels/analyze", "{\"url\":\"" + url + "\"}", local(), TOKEN, JSON)
                .status())
        .isEqualTo(400);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!jar.output().contains("2J -> 404") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    String out = jar.output();
    assertThat(out)
        .contains("GET /api/v1/reels/1\\u202e2 -> 404")
        .contains("GET /api/v1/reels/1\\x9b2J -> 404");
    assertThat(
            out.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x202e))
        .as("control characters in the jar's output")
        .isEmpty();
  }

  @Test
  void unsafe_open_admin_starts_off_loopback_with_a_warning() {
    jar = MockJar.start(Map.of(), "--bind", "0.0.0.0", "--unsafe-open-admin");
    assertThat(jar.output())
        .contains("WARNING     --unsafe-open-admin: the admin API on 0.0.0.0" + " has no token");
    assertThat(send("GET", "/__admin/scenarios", null, local()).status()).isEqualTo(200);
  }
}
