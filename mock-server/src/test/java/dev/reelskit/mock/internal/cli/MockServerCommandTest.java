package dev.reelskit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.Latency;
import dev.reelskit.mock.settings.MockServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MockServerCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return MockServerCommand.commandLine(
            Map.of(), env, new PrintStream(out, true), new PrintStream(err, true))
        .execute(args);
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void an_unknown_option_exits_64_with_usage() {
    assertThat(run(Map.of(), "--nonsense")).isEqualTo(64);
    assertThat(errText()).contains("Unknown option: '--nonsense'").contains("--port");
  }

  @Test
  void an_invalid_value_exits_64_with_a_clear_message() {
    assertThat(run(Map.of(), "--port", "x")).isEqualTo(64);
    assertThat(errText()).contains("error: Invalid value for option '--port': 'x' is not an int");
    assertThat(run(Map.of("REELS_MOCK_PROFILE", "slow"), "--port", "0")).isEqualTo(64);
  }

  @Test
  void there_is_no_flag_for_a_token_list() {
    assertThat(run(Map.of(), "--tokens", "ist_secret")).isEqualTo(64);
  }

  @Test
  void help_lists_every_option_with_its_default() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "--port",
            "--bind",
            "--profile",
            "--seed",
            "--time-scale",
            "--rate-limit",
            "--verbose",
            "--request-journal",
            "--tokens-file",
            "--latency",
            "--root-dir",
            "default: 8089");
  }

  private MockServerSettings settings(
      Map<String, String> props, Map<String, String> env, String... args) {
    CommandLine cmd =
        MockServerCommand.commandLine(
            props, env, new PrintStream(out, true), new PrintStream(err, true));
    cmd.parseArgs(args);
    return ((MockServerCommand) cmd.getCommand()).settings();
  }

  @Test
  void flag_beats_property_beats_environment_beats_default() {
    Map<String, String> props = Map.of("reels.mock.port", "2002", "reels.mock.profile", "fast");
    Map<String, String> env =
        Map.of(
            "REELS_MOCK_PORT",
            "3003",
            "REELS_MOCK_SEED",
            "7",
            "REELS_MOCK_RATE_LIMIT_REQUESTS",
            "20");
    MockServerSettings s = settings(props, env, "--port", "1001");
    assertThat(s.port()).isEqualTo(1001);
    assertThat(s.profile()).isEqualTo(TimingProfile.FAST);
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.rateLimitRequests()).isEqualTo(20);
    assertThat(settings(props, env).port()).isEqualTo(2002);
    assertThat(settings(Map.of(), env).port()).isEqualTo(3003);
    assertThat(settings(Map.of(), Map.of())).isEqualTo(MockServerSettings.defaults());
  }

  @Test
  void tokens_come_from_the_environment_or_a_file_never_from_a_property(@TempDir Path dir)
      throws Exception {
    Path revoked = dir.resolve("revoked.txt");
    Files.writeString(revoked, "# revoked\nist_revokedOne\n\nist_revokedTwo\n");
    MockServerSettings s =
        settings(
            Map.of("reels.mock.tokens", "ist_fromProperty"),
            Map.of("REELS_MOCK_TOKENS", "ist_a, ist_b"),
            "--revoked-tokens-file",
            revoked.toString());
    assertThat(s.tokens()).containsExactlyInAnyOrder("ist_a", "ist_b");
    assertThat(s.revokedTokens()).containsExactlyInAnyOrder("ist_revokedOne", "ist_revokedTwo");
    assertThat(s.toString()).doesNotContain("ist_a").contains("tokens=2");
    assertThat(settings(Map.of("reels.mock.tokens", "ist_fromProperty"), Map.of()).tokens())
        .isEmpty();
  }

  @Test
  void a_root_dir_that_is_no_directory_exits_64(@TempDir Path dir) {
    assertThat(run(Map.of(), "--root-dir", dir.resolve("missing").toString())).isEqualTo(64);
    assertThat(errText()).contains("root-dir:").contains("is not a directory");
  }

  @Test
  void latency_is_none_or_realistic() {
    assertThat(settings(Map.of(), Map.of(), "--latency", "realistic").latency())
        .isEqualTo(Latency.REALISTIC);
    assertThat(run(Map.of(), "--latency", "slow")).isEqualTo(64);
    assertThat(errText()).contains("must be none or realistic, was 'slow'");
  }

  @Test
  void subcommands_can_be_added_to_the_command_line() {
    CommandLine cmd =
        MockServerCommand.commandLine(
            Map.of(), Map.of(), new PrintStream(out, true), new PrintStream(err, true));
    cmd.addSubcommand("noop", new CommandLine(new Noop()));
    assertThat(cmd.execute("noop")).isEqualTo(3);
    assertThat(cmd.getSubcommands()).containsKeys("check-client", "noop");
  }

  @CommandLine.Command(name = "noop")
  static final class Noop implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      return 3;
    }
  }
}
