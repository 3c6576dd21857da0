package dev.reelskit.mock.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.SecuritySettings;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecuritySettingsTest {

  private static final String TOKEN = "admin-token-for-tests-0001";

  @Test
  void a_non_loopback_bind_without_admin_token_is_refused_with_a_message_that_says_what_to_do() {
    assertThatThrownBy(() -> SecuritySettings.defaults().requireLockedAdminOn("0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--bind 0.0.0.0 is not a loopback address, so the admin API needs a token:"
                + " set REELS_MOCK_ADMIN_TOKEN or --admin-token-file FILE (or accept an open admin API"
                + " with --unsafe-open-admin)");
  }

  @ParameterizedTest(name = "--bind {0} is loopback")
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"})
  void loopback_binds_need_no_token(String bind) {
    SecuritySettings.defaults().requireLockedAdminOn(bind);
  }

  @Test
  void an_admin_token_or_the_explicit_opt_out_allows_a_non_loopback_bind() {
    SecuritySettings.defaults().withAdminToken(TOKEN).requireLockedAdminOn("0.0.0.0");
    SecuritySettings.defaults().withUnsafeOpenAdmin(true).requireLockedAdminOn("0.0.0.0");
  }

  @Test
  void the_mock_settings_refuse_the_open_bind_too() {
    assertThatThrownBy(() -> MockServerSettings.builder().bind("0.0.0.0").build())
        .hasMessageStartingWith("--bind 0.0.0.0 is not a loopback address");
  }

  @Test
  void the_token_never_appears_in_to_string() {
    assertThat(SecuritySettings.defaults().withAdminToken(TOKEN).toString())
        .doesNotContain(TOKEN)
        .contains("adminToken=set");
    assertThat(
            MockServerSettings.builder()
                .security(SecuritySettings.defaults().withAdminToken(TOKEN))
                .build()
                .toString())
        .doesNotContain(TOKEN);
  }

  @Test
  void a_short_admin_token_is_refused() {
    assertThatThrownBy(() -> SecuritySettings.defaults().withAdminToken("short"))
        .hasMessage("the admin token must be at least 16 characters");
  }

  @ParameterizedTest(name = "--allowed-host {0} is refused")
  @ValueSource(strings = {"http://mock.internal", "mock.internal:8089", "mock internal", "a/b", ""})
  void allowed_hosts_are_names_without_scheme_or_port(String host) {
    assertThatThrownBy(() -> SecuritySettings.defaults().withAllowedHosts(Set.of(host)))
        .hasMessageStartingWith("allowed-host must be a host name without scheme or port");
  }

  @Test
  void allowed_hosts_are_kept_lower_case() {
    assertThat(
            SecuritySettings.defaults()
                .withAllowedHosts(Set.of("Mock.Internal", "*"))
                .allowedHosts())
        .containsExactlyInAnyOrder("mock.internal", "*");
  }
}
