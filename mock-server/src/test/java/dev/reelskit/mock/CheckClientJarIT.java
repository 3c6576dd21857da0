package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar reels-mock-server.jar check-client -- <client>} as users run it: exit 0 for a
 * correct client, 1 naming the broken rule for a wrong one, and the token never in full.
 */
class CheckClientJarIT {

  private static final Path JAR = Path.of("target", "reels-mock-server.jar");
  private static final Path CLIENTS = Path.of("target", "test-classes", "clients");
  private static final String FULL_TOKEN = "ist_[A-Za-z0-9]{28}";

  /**
   * A line of the mock's own log, as the jar's logging configuration (logback-cli.xml) writes it.
   */
  private static final String MOCK_INFO_LINE = "(?m)^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO ";

  private record Run(int exit, String output) {}

  /** Runs check-client on the quick profile at x25, the client's times shrunk to match. */
  private static Run checkClient(String... client) throws Exception {
    return checkClient(List.of(), client);
  }

  private static Run checkClient(List<String> options, String... client) throws Exception {
    RequiredTools.assumeInstalled("bash", "curl", "jq");
    assertThat(JAR).exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "check-client",
                "--profile",
                "quick",
                "--time-scale",
                "25",
                "--client-timeout",
                "60s"));
    command.addAll(options);
    command.add("--");
    command.addAll(List.of(client));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("POLL_INTERVAL_MS", "280");
    builder.environment().put("TIMEOUT_MS", "4800");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(output).isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void a_correct_bash_client_passes_with_exit_0() throws Exception {
    Run run = checkClient("bash", CLIENTS.resolve("correct-client.sh").toString());
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("profile   quick (time scale x25)")
        .contains("10 passed, 0 failed")
        .doesNotContainPattern(FULL_TOKEN);
  }

  @Test
  void a_wrong_client_fails_with_exit_1_naming_its_rule() throws Exception {
    Run run = checkClient("bash", CLIENTS.resolve("wrong-polls-without-delay.sh").toString());
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains(
            "CC-POLL-001 Polls of one job are spaced at least the poll"
                + " interval (docs/client-rules.md#cc-poll-001)")
        .doesNotContainPattern(FULL_TOKEN);
  }

  @Test
  void a_client_printing_its_token_shows_only_the_fingerprint() throws Exception {
    Run run =
        checkClient(
            "bash",
            "-c",
            "echo \"env=$REELS_TOKEN arg=$1\"; "
                + "curl -s -H \"Authorization: Bearer $REELS_TOKEN\" \"$REELS_BASE_URL/api/v1/reels/42\"",
            "client",
            "{token}");
    assertThat(run.output())
        .containsPattern("env=ist_\\*\\*\\*\\*\\w{4} arg=ist_\\*\\*\\*\\*\\w{4}")
        .doesNotContainPattern(FULL_TOKEN);
  }

  @Test
  void the_mock_s_log_stays_out_of_the_output_unless_verbose() throws Exception {
    String client = CLIENTS.resolve("correct-client.sh").toString();
    Run quiet = checkClient("bash", client);
    Run verbose = checkClient(List.of("--verbose"), "bash", client);
    assertThat(quiet.output()).doesNotContainPattern(MOCK_INFO_LINE);
    assertThat(verbose.exit()).as(verbose.output()).isZero();
    assertThat(verbose.output()).containsPattern(MOCK_INFO_LINE).doesNotContainPattern(FULL_TOKEN);
  }
}
