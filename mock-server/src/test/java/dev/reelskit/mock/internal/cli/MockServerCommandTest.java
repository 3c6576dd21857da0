package dev.reelskit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MockServerCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return MockServerCommand.commandLine(Map.of(), env, new PrintStream(out, true),
        new PrintStream(err, true)).execute(args);
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
    assertThat(errText()).contains("error: port must be an integer, was 'x'");
    assertThat(run(Map.of("REELS_MOCK_PROFILE", "slow"), "--port", "0")).isEqualTo(64);
  }

  @Test
  void there_is_no_flag_for_a_token_list() {
    assertThat(run(Map.of(), "--tokens", "ist_secret")).isEqualTo(64);
  }

  @Test
  void help_lists_every_option_with_its_default() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--bind", "--profile",
        "--seed", "--time-scale", "--rate-limit", "--verbose", "--request-journal",
        "--tokens-file", "default 8089");
  }

  @Test
  void subcommands_can_be_added_to_the_command_line() {
    CommandLine cmd = MockServerCommand.commandLine(Map.of(), Map.of(), new PrintStream(out, true),
        new PrintStream(err, true));
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
