package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.internal.net.OriginPattern;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.SecuritySettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browser origins: every loopback origin on http or https ({@code https://localhost:5173}, {@code
 * http://myapp.localhost:5173}) without a flag, and {@code --allowed-origin} for the rest (a LAN
 * address); preflights and answers expose {@code Retry-After}; the admin API stays local.
 */
class AllowedOriginTest {

  private static final String TOKEN = "ist_corsTestToken0123456789ab";
  private static final String LAN = "http://192.168.1.20:5173";

  @Nested
  class patterns {
    @Test
    void the_forms_of_allowed_origin() {
      assertThat(OriginPattern.parse("https://localhost:*").admits("https://localhost:5173"))
          .isTrue();
      assertThat(OriginPattern.parse("https://localhost:*").admits("http://localhost:5173"))
          .isFalse();
      assertThat(OriginPattern.parse("*.localhost").admits("http://myapp.localhost:5173")).isTrue();
      assertThat(OriginPattern.parse("*.localhost").admits("https://a.b.localhost")).isTrue();
      assertThat(OriginPattern.parse("*.localhost").admits("http://localhost.evil.io")).isFalse();
      assertThat(OriginPattern.parse(LAN).admits(LAN)).isTrue();
      assertThat(OriginPattern.parse(LAN).admits("http://192.168.1.20:5174")).isFalse();
      assertThat(OriginPattern.parse(LAN).admits("http://192.168.1.21:5173")).isFalse();
      assertThat(OriginPattern.parse("192.168.1.20").admits("https://192.168.1.20:8443")).isTrue();
      assertThat(OriginPattern.parse("*").admits("https://anything.example")).isTrue();
      assertThat(OriginPattern.parse("*").admits("null")).isFalse();
      assertThat(OriginPattern.parse("HTTPS://App.Example.Test:443").toString())
          .isEqualTo("https://app.example.test:443");
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(
        strings = {
          "",
          "ftp://x.test",
          "http://",
          "http://a.test/path",
          "http://a b",
          "a.test:99999x"
        })
    void malformed_patterns_are_refused_with_the_expected_form(String bad) {
      assertThatThrownBy(() -> OriginPattern.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[scheme://]host[:port]");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class over_http {
    private ReelsMock mock;
    private Http http;

    @BeforeAll
    void start() {
      mock =
          ReelsMock.start(
              MockServerSettings.builder()
                  .port(0)
                  .security(SecuritySettings.defaults().withAllowedOrigins(Set.of(LAN)))
                  .build());
      http = new Http(mock.baseUrl());
    }

    @AfterAll
    void stop() {
      mock.close();
    }

    private Http.Response preflight(String origin) {
      return http.method(
          "OPTIONS",
          "/api/v1/reels/analyze",
          null,
          "Origin",
          origin,
          "Access-Control-Request-Method",
          "POST",
          "Access-Control-Request-Headers",
          "authorization,content-type,prefer");
    }

    @ParameterizedTest(name = "{0} may call the API")
    @ValueSource(
        strings = {
          "https://localhost:5173",
          "http://myapp.localhost:5173",
          "https://127.0.0.1:4443",
          "http://[::1]:3000",
          LAN
        })
    void loopback_origins_and_the_allowed_one_pass_the_preflight_and_read_answers(String origin) {
      Http.Response p = preflight(origin);
      assertThat(p.status()).isEqualTo(204);
      assertThat(p.header("Access-Control-Allow-Origin")).isEqualTo(origin);
      assertThat(p.header("Access-Control-Allow-Headers")).contains("Authorization", "Prefer");
      assertThat(p.header("Access-Control-Expose-Headers")).contains("Retry-After");

      Http.Response r =
          http.get("/api/v1/reels/42", "Origin", origin, "Authorization", "Bearer " + TOKEN);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(origin);
      assertThat(List.of(r.header("Access-Control-Expose-Headers").split(",\\s*")))
          .contains("Retry-After", "X-Reels-Api-Version");
    }

    @ParameterizedTest(name = "{0} may not")
    @ValueSource(
        strings = {
          "http://192.168.1.21:5173",
          "http://192.168.1.20:5174",
          "https://evil.example",
          "http://127.0.0.2:5173",
          "null"
        })
    void other_origins_get_no_cors_headers(String origin) {
      assertThat(preflight(origin).header("Access-Control-Allow-Origin")).isNull();
      assertThat(
              http.get("/api/v1/reels/42", "Origin", origin, "Authorization", "Bearer " + TOKEN)
                  .header("Access-Control-Allow-Origin"))
          .isNull();
    }

    @Test
    void an_allowed_origin_does_not_open_the_admin_api() {
      Http.Response r =
          http.method(
              "POST",
              "/__admin/scenarios/reset",
              "{}",
              "Origin",
              LAN,
              "Content-Type",
              "application/json");
      assertThat(r.status()).isEqualTo(403);
    }
  }
}
