package dev.reelskit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.MockServerSettings;
import dev.reelskit.mock.jobs.TimingProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

  @Test
  void names_are_derived_from_the_option() {
    assertThat(SettingsResolver.propertyName("time-scale")).isEqualTo("reels.mock.time-scale");
    assertThat(SettingsResolver.envName("time-scale")).isEqualTo("REELS_MOCK_TIME_SCALE");
  }

  @Test
  void cli_beats_property_beats_environment_beats_default() {
    Map<String, String> cli = Map.of("port", "1001");
    Map<String, String> props = Map.of("reels.mock.port", "2002", "reels.mock.profile", "fast");
    Map<String, String> env = Map.of("REELS_MOCK_PORT", "3003", "REELS_MOCK_PROFILE", "realistic",
        "REELS_MOCK_SEED", "7");

    MockServerSettings s = new SettingsResolver(cli, props, env).resolve();

    assertThat(s.port()).as("CLI flag").isEqualTo(1001);
    assertThat(s.profile()).as("system property").isEqualTo(TimingProfile.FAST);
    assertThat(s.seed()).as("environment").isEqualTo(7);
    assertThat(s.bind()).as("default").isEqualTo("127.0.0.1");
    assertThat(new SettingsResolver(Map.of(), props, env).resolve().port()).isEqualTo(2002);
    assertThat(new SettingsResolver(Map.of(), Map.of(), env).resolve().port()).isEqualTo(3003);
    assertThat(new SettingsResolver(Map.of(), Map.of(), Map.of()).resolve())
        .isEqualTo(MockServerSettings.defaults());
  }

  @Test
  void tokens_come_from_the_environment_or_a_file_and_are_never_printed(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("revoked.txt");
    Files.writeString(file, "# revoked\nist_revokedOne000000000000001\n\n");
    MockServerSettings s = new SettingsResolver(Map.of("revoked-tokens-file", file.toString()),
        Map.of(), Map.of("REELS_MOCK_TOKENS", "ist_secretA0000000000000001, ist_secretB000000000001"))
        .resolve();

    assertThat(s.tokens()).containsExactlyInAnyOrder("ist_secretA0000000000000001",
        "ist_secretB000000000001");
    assertThat(s.revokedTokens()).containsExactly("ist_revokedOne000000000000001");
    assertThat(s.toString()).doesNotContain("secret").doesNotContain("revokedOne")
        .contains("tokens=2");
  }

  @Test
  void invalid_values_are_refused_with_the_option_name() {
    assertThatThrownBy(() -> new SettingsResolver(Map.of("port", "eighty"), Map.of(), Map.of())
        .resolve()).hasMessage("port must be an integer, was 'eighty'");
    assertThatThrownBy(() -> new SettingsResolver(Map.of("profile", "slow"), Map.of(), Map.of())
        .resolve()).hasMessageContaining("unknown profile 'slow'");
    assertThatThrownBy(() -> new SettingsResolver(Map.of(), Map.of(),
        Map.of("REELS_MOCK_TIME_SCALE", "0")).resolve())
        .hasMessageContaining("time-scale must be greater than 0");
    assertThatThrownBy(() -> new SettingsResolver(Map.of("port", "70000"), Map.of(), Map.of())
        .resolve()).hasMessageContaining("port must be 0-65535");
  }

  @Test
  void the_limits_and_check_client_s_defaults_resolve_through_the_same_layers() {
    Map<String, String> env = Map.of("REELS_MOCK_RATE_LIMIT_REQUESTS", "6",
        "REELS_MOCK_MAX_UNFINISHED_JOBS", "2");
    MockServerSettings s = new SettingsResolver(Map.of("max-unfinished-jobs", "1"), Map.of(), env)
        .resolve(CheckClientCommand.DEFAULTS);

    assertThat(s.rateLimitRequests()).as("environment").isEqualTo(6);
    assertThat(s.maxUnfinishedJobs()).as("CLI flag").isEqualTo(1);
    assertThat(s.profile()).as("check-client default").isEqualTo(TimingProfile.REALISTIC);
    assertThat(s.port()).isZero();
    assertThat(s.rateLimit()).isTrue();
    assertThat(new SettingsResolver(Map.of(), Map.of(), Map.of()).resolve().rateLimitRequests())
        .isEqualTo(10);
    assertThatThrownBy(() -> new SettingsResolver(Map.of("rate-limit-requests", "0"), Map.of(),
        Map.of()).resolve()).hasMessage("rate-limit-requests must be at least 1, was 0");
  }
}
