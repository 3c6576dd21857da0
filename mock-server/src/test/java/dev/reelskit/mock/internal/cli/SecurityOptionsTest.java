package dev.reelskit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.settings.SecuritySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The security options as the command line reads them, every layer in one place. */
class SecurityOptionsTest {

  private static final String TOKEN = "cli-admin-token-0123456789";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private SecuritySettings security(
      Map<String, String> props, Map<String, String> env, String... args) {
    CommandLine cmd =
        MockServerCommand.commandLine(
            props, env, new PrintStream(out, true), new PrintStream(err, true));
    cmd.parseArgs(args);
    return ((MockServerCommand) cmd.getCommand()).settings().security();
  }

  @Test
  void allowed_host_is_repeatable_and_comma_separated_in_a_property_or_variable() {
    assertThat(
            security(Map.of(), Map.of(), "--allowed-host", "a.test", "--allowed-host", "b.test")
                .allowedHosts())
        .containsExactly("a.test", "b.test");
    assertThat(
            security(
                    Map.of("reels.mock.allowed-host", "p.test"),
                    Map.of("REELS_MOCK_ALLOWED_HOST", "e1.test,e2.test"))
                .allowedHosts())
        .containsExactly("p.test");
    assertThat(
            security(Map.of(), Map.of("REELS_MOCK_ALLOWED_HOST", "e1.test,e2.test")).allowedHosts())
        .containsExactly("e1.test", "e2.test");
    assertThat(security(Map.of(), Map.of()).allowedHosts()).isEmpty();
  }

  @Test
  void the_admin_token_comes_from_the_environment_or_a_file_never_a_property(@TempDir Path dir)
      throws Exception {
    assertThat(security(Map.of(), Map.of("REELS_MOCK_ADMIN_TOKEN", TOKEN)).adminToken())
        .isEqualTo(TOKEN);
    assertThat(security(Map.of("reels.mock.admin-token", TOKEN), Map.of()).adminToken()).isNull();
    Path file = Files.writeString(dir.resolve("admin-token"), TOKEN + "\n");
    assertThat(security(Map.of(), Map.of(), "--admin-token-file", file.toString()).adminToken())
        .isEqualTo(TOKEN);
  }

  @Test
  void there_is_no_flag_for_the_admin_token() {
    int exit =
        MockServerCommand.commandLine(
                Map.of(), Map.of(), new PrintStream(out, true), new PrintStream(err, true))
            .execute("--admin-token", TOKEN);
    assertThat(exit).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown options: '--admin-token'");
  }

  @Test
  void a_non_loopback_bind_without_token_exits_64_and_says_what_to_do() {
    int exit =
        MockServerCommand.commandLine(
                Map.of(), Map.of(), new PrintStream(out, true), new PrintStream(err, true))
            .execute("--port", "0", "--bind", "0.0.0.0");
    assertThat(exit).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "error: --bind 0.0.0.0 is not a" + " loopback address, so the admin API needs a token");
  }

  @Test
  void unsafe_open_admin_is_also_a_variable() {
    assertThat(
            security(Map.of(), Map.of("REELS_MOCK_UNSAFE_OPEN_ADMIN", "true"), "--bind", "0.0.0.0")
                .unsafeOpenAdmin())
        .isTrue();
  }

  @Test
  void the_intake_limits_default_to_1_mib_and_10_s_and_follow_the_precedence() {
    SecuritySettings defaults = security(Map.of(), Map.of());
    assertThat(defaults.maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(defaults.bodyTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(defaults.bodyBudgetBytes()).isEqualTo(32L * 1_048_576);

    SecuritySettings set =
        security(
            Map.of("reels.mock.body-timeout", "2m"),
            Map.of("REELS_MOCK_MAX_BODY_BYTES", "65536", "REELS_MOCK_BODY_TIMEOUT", "1s"),
            "--body-timeout",
            "500ms");
    assertThat(set.maxBodyBytes()).isEqualTo(65_536);
    assertThat(set.bodyTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(security(Map.of("reels.mock.body-timeout", "2m"), Map.of()).bodyTimeout())
        .isEqualTo(java.time.Duration.ofMinutes(2));
  }

  @Test
  void intake_limits_out_of_range_exit_64_saying_the_range() {
    for (String[] args :
        new String[][] {
          {"--max-body-bytes", "10"},
          {"--max-body-bytes", "2147483648"},
          {"--body-timeout", "5ms"},
          {"--body-timeout", "soon"}
        }) {
      int exit =
          MockServerCommand.commandLine(
                  Map.of(), Map.of(), new PrintStream(out, true), new PrintStream(err, true))
              .execute(args);
      assertThat(exit).as(String.join(" ", args)).isEqualTo(64);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("max-body-bytes must be 1024..1073741824, was 10")
        .contains("body-timeout must be at least 100ms")
        .contains("must be a duration such as 10s, 500ms or 2m, was 'soon'");
  }
}
