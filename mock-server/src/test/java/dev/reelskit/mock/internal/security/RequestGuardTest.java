package dev.reelskit.mock.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.settings.SecuritySettings;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guards' decisions, without a server. */
class RequestGuardTest {

  private static final String ADMIN_TOKEN = "admin-token-for-tests-0001";
  private final RequestGuard onLoopback =
      new RequestGuard(SecuritySettings.defaults(), "127.0.0.1");

  private static GuardedRequest request(
      String method, String path, String host, String origin, String contentType) {
    return new GuardedRequest(method, path, host, origin, contentType, null, contentType != null);
  }

  private static GuardedRequest get(String path, String host) {
    return request("GET", path, host, null, null);
  }

  @Nested
  class the_host_allow_list {

    @ParameterizedTest(name = "Host {0} is served")
    @ValueSource(
        strings = {
          "localhost",
          "localhost:8089",
          "LOCALHOST:8089",
          "localhost.:8089",
          "127.0.0.1:8089",
          "127.1.2.3",
          "[::1]:8089",
          "[::1]",
          "app.localhost:5173",
          "a.b.localhost",
          "10.0.0.7:8089",
          "192.168.1.20",
          "[fe80::1]:8089"
        })
    void local_names_and_ip_addresses_are_served(String host) {
      assertThat(onLoopback.check(get("/api/v1/reels/42", host))).isEmpty();
    }

    @ParameterizedTest(name = "Host {0} is refused")
    @ValueSource(
        strings = {
          "evil.example",
          "evil.example:8089",
          "localhost.evil.example",
          "127.0.0.1.nip.io",
          "evillocalhost",
          "localhost:80:80",
          "local host",
          "a@localhost",
          "[::1",
          "127.0.0.1:99999x",
          "300.1.1.1"
        })
    void any_other_name_is_refused_with_403(String host) {
      Optional<Refusal> refusal = onLoopback.check(get("/api/v1/reels/42", host));
      assertThat(refusal).get().extracting(Refusal::status).isEqualTo(403);
    }

    @Test
    void the_refusal_names_the_option_that_lets_the_host_in() {
      Refusal r = onLoopback.check(get("/docs/index.html", "evil.example:8089")).orElseThrow();
      assertThat(r.message())
          .isEqualTo(
              "Host 'evil.example:8089' is not allowed (DNS rebinding"
                  + " protection): start the mock with --allowed-host evil.example to serve it");
      assertThat(new String(r.body())).isEqualTo("{\"error\":\"" + r.message() + "\"}");
    }

    @Test
    void the_api_the_docs_and_the_admin_api_are_all_covered() {
      for (String path :
          new String[] {
            "/api/v1/reels/42",
            "/docs/openapi.yaml",
            "/__admin/scenarios",
            "/__admin/swagger-ui/index.html",
            "/__files/x",
            "/"
          }) {
        assertThat(onLoopback.check(get(path, "evil.example"))).as(path).isPresent();
      }
    }

    @Test
    void a_request_without_host_header_is_served_because_nothing_can_be_rebound() {
      assertThat(onLoopback.check(get("/api/v1/reels/42", null))).isEmpty();
    }

    @Test
    void allowed_host_lets_a_named_host_and_wildcard_subdomains_in() {
      RequestGuard guard =
          new RequestGuard(
              SecuritySettings.defaults()
                  .withAllowedHosts(Set.of("mock.internal", "*.dev.example")),
              "127.0.0.1");
      assertThat(guard.check(get("/api/v1/reels/42", "mock.internal:8089"))).isEmpty();
      assertThat(guard.check(get("/api/v1/reels/42", "a.dev.example"))).isEmpty();
      assertThat(guard.check(get("/api/v1/reels/42", "dev.example"))).isPresent();
      assertThat(guard.check(get("/api/v1/reels/42", "evil.example"))).isPresent();
    }

    @Test
    void a_star_serves_every_host() {
      RequestGuard guard =
          new RequestGuard(SecuritySettings.defaults().withAllowedHosts(Set.of("*")), "127.0.0.1");
      assertThat(guard.check(get("/api/v1/reels/42", "evil.example"))).isEmpty();
    }

    @Test
    void the_bound_name_is_served() {
      RequestGuard guard =
          new RequestGuard(SecuritySettings.defaults().withUnsafeOpenAdmin(true), "mock-host");
      assertThat(guard.check(get("/api/v1/reels/42", "mock-host:8089"))).isEmpty();
    }
  }

  @Nested
  class state_changing_admin_requests {

    @ParameterizedTest(name = "POST {0} with text/plain from http://evil.example is refused")
    @ValueSource(
        strings = {
          "/__admin/scenarios/reset",
          "/__admin/reels/clock/advance",
          "/__admin/shutdown",
          "/__admin/reset",
          "/__admin/mappings",
          "/__admin/settings",
          "/__admin/recordings/start"
        })
    void a_forged_simple_request_is_refused(String path) {
      Refusal r =
          onLoopback
              .check(request("POST", path, "127.0.0.1:8089", "http://evil.example", "text/plain"))
              .orElseThrow();
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.message())
          .isEqualTo(
              "admin API refused: Origin 'http://evil.example' is not"
                  + " local (allowed: localhost, *.localhost, 127.0.0.1, [::1], the bound address and"
                  + " --allowed-host names)");
    }

    @ParameterizedTest(name = "Content-Type {0} is refused even without Origin")
    @ValueSource(
        strings = {
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/jsonx"
        })
    void a_body_that_a_simple_request_can_send_is_refused(String type) {
      Refusal r =
          onLoopback
              .check(request("POST", "/__admin/shutdown", "localhost:8089", null, type))
              .orElseThrow();
      assertThat(r.message())
          .isEqualTo(
              "admin API refused: a POST needs Content-Type:"
                  + " application/json (was '"
                  + type
                  + "')");
    }

    @Test
    void a_post_without_content_type_is_refused() {
      assertThat(
              onLoopback.check(
                  request("POST", "/__admin/scenarios/reset", "localhost", null, null)))
          .get()
          .extracting(Refusal::message)
          .isEqualTo("admin API refused: a POST needs Content-Type: application/json (was none)");
    }

    @ParameterizedTest(name = "from origin {0} with JSON it passes")
    @ValueSource(
        strings = {
          "http://localhost:5173",
          "http://127.0.0.1:8089",
          "http://[::1]:3000",
          "https://app.localhost",
          "http://LOCALHOST:5173"
        })
    void json_from_a_local_origin_passes(String origin) {
      assertThat(
              onLoopback.check(
                  request(
                      "POST",
                      "/__admin/scenarios/reset",
                      "localhost:8089",
                      origin,
                      "application/json; charset=utf-8")))
          .isEmpty();
    }

    @Test
    void json_without_origin_passes_as_curl_and_the_wiremock_client_send_it() {
      assertThat(
              onLoopback.check(
                  request(
                      "PUT",
                      "/__admin/reels/jobs/42/state",
                      "localhost:8089",
                      null,
                      "application/json")))
          .isEmpty();
    }

    @Test
    void a_delete_without_body_passes_as_wiremocks_client_sends_it() {
      assertThat(
              onLoopback.check(
                  new GuardedRequest(
                      "DELETE", "/__admin/mappings", "localhost:8089", null, null, null, false)))
          .isEmpty();
      assertThat(
              onLoopback.check(
                  new GuardedRequest(
                      "DELETE",
                      "/__admin/mappings",
                      "localhost:8089",
                      null,
                      "text/plain",
                      null,
                      true)))
          .isPresent();
    }

    @ParameterizedTest(name = "Origin {0} is not local")
    @ValueSource(
        strings = {
          "null",
          "http://evil.example:8089",
          "http://localhost.evil.example",
          "file://",
          "http://user@localhost",
          "http://localhost/path",
          "ftp://localhost",
          "http://192.168.1.20:3000"
        })
    void other_origins_are_refused(String origin) {
      assertThat(
              onLoopback.check(
                  request(
                      "POST",
                      "/__admin/scenarios/reset",
                      "localhost:8089",
                      origin,
                      "application/json")))
          .isPresent();
    }

    @Test
    void a_page_of_the_mocks_own_origin_passes() {
      assertThat(
              onLoopback.check(
                  request(
                      "POST",
                      "/__admin/scenarios/reset",
                      "192.168.1.5:8089",
                      "http://192.168.1.5:8089",
                      "application/json")))
          .isEmpty();
    }

    @Test
    void a_star_allowed_host_does_not_make_every_origin_local() {
      RequestGuard guard =
          new RequestGuard(SecuritySettings.defaults().withAllowedHosts(Set.of("*")), "127.0.0.1");
      assertThat(
              guard.check(
                  request(
                      "POST",
                      "/__admin/shutdown",
                      "localhost",
                      "http://evil.example",
                      "application/json")))
          .isPresent();
    }

    @Test
    void reads_from_a_foreign_origin_are_refused_too() {
      // Jetty's CORS filter in WireMock's admin context would let any page read the answer.
      assertThat(
              onLoopback.check(
                  request("GET", "/__admin/mappings", "localhost", "http://evil.example", null)))
          .isPresent();
      assertThat(onLoopback.check(request("GET", "/__admin/mappings", "localhost", null, null)))
          .isEmpty();
    }

    @Test
    void a_preflight_from_a_foreign_origin_is_refused_and_from_a_local_one_passes() {
      assertThat(
              onLoopback.check(
                  request("OPTIONS", "/__admin/reset", "localhost", "http://evil.example", null)))
          .get()
          .extracting(Refusal::status)
          .isEqualTo(403);
      assertThat(
              onLoopback.check(
                  request("OPTIONS", "/__admin/reset", "localhost", "http://localhost:5173", null)))
          .isEmpty();
    }

    @Test
    void api_requests_are_not_judged_by_the_admin_rules() {
      assertThat(
              onLoopback.check(
                  request(
                      "POST",
                      "/api/v1/reels/analyze",
                      "localhost",
                      "http://evil.example",
                      "text/plain")))
          .isEmpty();
    }
  }

  @Nested
  class with_an_admin_token {

    private final RequestGuard guard =
        new RequestGuard(SecuritySettings.defaults().withAdminToken(ADMIN_TOKEN), "0.0.0.0");

    private GuardedRequest admin(String method, String authorization) {
      return new GuardedRequest(
          method,
          "/__admin/scenarios",
          "10.0.0.5:8089",
          null,
          "application/json",
          authorization,
          true);
    }

    @Test
    void every_admin_request_needs_it_reads_included() {
      Refusal r = guard.check(admin("GET", null)).orElseThrow();
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.headers())
          .containsEntry("WWW-Authenticate", "Bearer realm=\"reels-mock-admin\"");
      assertThat(r.message())
          .isEqualTo(
              "admin API requires Authorization: Bearer <admin token>"
                  + " (the token set by REELS_MOCK_ADMIN_TOKEN or --admin-token-file)")
          .doesNotContain(ADMIN_TOKEN);
    }

    @Test
    void a_wrong_token_is_refused_and_the_right_one_passes() {
      assertThat(guard.check(admin("POST", "Bearer " + ADMIN_TOKEN + "x"))).isPresent();
      assertThat(guard.check(admin("POST", "Basic " + ADMIN_TOKEN))).isPresent();
      assertThat(guard.check(admin("POST", "Bearer " + ADMIN_TOKEN))).isEmpty();
      assertThat(guard.check(admin("GET", "bearer " + ADMIN_TOKEN))).isEmpty();
    }

    @Test
    void the_api_does_not_need_it() {
      assertThat(
              guard.check(
                  new GuardedRequest(
                      "GET",
                      "/api/v1/reels/42",
                      "10.0.0.5:8089",
                      null,
                      null,
                      "Bearer ist_x",
                      false)))
          .isEmpty();
    }
  }
}
