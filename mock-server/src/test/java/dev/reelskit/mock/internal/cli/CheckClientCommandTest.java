package dev.reelskit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-client} in-process: exit codes, options, the report, and no token in the output. */
class CheckClientCommandTest {

  /** A token as check-client generates them: ist_ and 28 letters and digits. */
  static final String FULL_TOKEN = "ist_[A-Za-z0-9]{28}";

  /** Eleven quick GETs of a seeded job: one more than the documented limit allows a minute. */
  static final String ELEVEN_GETS =
      "for i in $(seq 11); do curl -s -o /dev/null -w '%{http_code}\\n'"
          + " -H \"Authorization: Bearer $REELS_TOKEN\" \"$REELS_BASE_URL/api/v1/reels/42\"; done";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return MockServerCommand.commandLine(
            Map.of(), env, new PrintStream(out, true), new PrintStream(err, true))
        .execute(args);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private static String script(String name) throws Exception {
    return Path.of(CheckClientCommandTest.class.getResource("/clients/" + name).toURI()).toString();
  }

  /**
   * A bash client sped up like the mock (x25: 7 s polls are 280 ms). It gives up after 60 s of mock
   * time (2.4 s), half the 120 s bound: a client giving up exactly at the bound has 20 ms of real
   * slack at x25, which a loaded machine does not keep.
   */
  private static String[] quickly(String script, String... options) throws Exception {
    RequiredTools.assumeInstalled("bash", "curl", "jq");
    List<String> args =
        new ArrayList<>(List.of("check-client", "--profile", "quick", "--time-scale", "25"));
    args.addAll(List.of(options));
    args.addAll(
        List.of("--", "env", "POLL_INTERVAL_MS=280", "TIMEOUT_MS=2400", "bash", script(script)));
    return args.toArray(String[]::new);
  }

  @Test
  void a_correct_client_exits_0_with_the_report_naming_the_profile() throws Exception {
    assertThat(run(Map.of(), quickly("correct-client.sh"))).as(output()).isZero();
    assertThat(output())
        .contains("profile   quick (time scale x25)")
        .contains("11 passed, 0 failed")
        .contains("client output (token masked):")
        .contains("| job 100: done")
        .containsPattern("token ist_\\*\\*\\*\\*[A-Za-z0-9]{4}");
    assertThat(output()).doesNotContainPattern(FULL_TOKEN);
  }

  @Test
  void a_wrong_client_exits_1_naming_the_rule_it_broke() throws Exception {
    assertThat(run(Map.of(), quickly("wrong-polls-after-done.sh"))).as(output()).isEqualTo(1);
    assertThat(output())
        .contains("CC-POLL-002 No poll of a job after it was shown done or error")
        .contains("10 passed, 1 failed");
  }

  @Test
  void the_token_reaches_the_client_but_never_the_output() {
    RequiredTools.assumeInstalled("bash");
    int exit =
        run(
            Map.of(),
            "check-client",
            "--",
            "bash",
            "-c",
            "echo \"env=$REELS_TOKEN arg=$1 url=$REELS_BASE_URL\"",
            "client",
            "{token}");
    assertThat(exit).isEqualTo(1); // it sent no request: CC-TRAFFIC-001
    assertThat(output())
        .containsPattern("env=ist_\\*\\*\\*\\*\\w{4} arg=ist_\\*\\*\\*\\*\\w{4}")
        .contains("url=http://127.0.0.1:")
        .contains("CC-TRAFFIC-001")
        .contains("profile   realistic");
    assertThat(output()).doesNotContainPattern(FULL_TOKEN);
  }

  @Test
  void the_limits_are_emulated_so_a_flooding_client_sees_a_429() {
    RequiredTools.assumeInstalled("bash", "curl");
    assertThat(run(Map.of(), "check-client", "--", "bash", "-c", ELEVEN_GETS)).isEqualTo(1);
    assertThat(output()).contains("| 429").contains("CC-RATE-001");
  }

  @Test
  void with_the_emulation_disabled_there_is_no_429_but_the_rule_still_judges() {
    RequiredTools.assumeInstalled("bash", "curl");
    assertThat(
            run(Map.of(), "check-client", "--disable-rate-limit", "--", "bash", "-c", ELEVEN_GETS))
        .isEqualTo(1);
    assertThat(output()).doesNotContain("| 429").contains("CC-RATE-001");
  }

  @Test
  void rule_options_follow_the_mock_s_precedence_flag_over_environment() {
    RequiredTools.assumeInstalled("bash", "curl");
    // 11 requests pass a limit of 11 from the environment (emulated and judged); the flag's 10
    // wins over it. (The client breaks the polling rules either way.)
    String rateViolation = "CC-RATE-001 Stays within the rate limit";
    run(
        Map.of("REELS_MOCK_RATE_LIMIT_REQUESTS", "11"),
        "check-client",
        "--",
        "bash",
        "-c",
        ELEVEN_GETS);
    assertThat(output()).doesNotContain("| 429").doesNotContain(rateViolation);
    out.reset();
    run(
        Map.of("REELS_MOCK_RATE_LIMIT_REQUESTS", "11"),
        "check-client",
        "--rate-limit-requests",
        "10",
        "--",
        "bash",
        "-c",
        ELEVEN_GETS);
    assertThat(output()).contains("| 429").contains(rateViolation);
  }

  @Test
  void report_json_writes_the_same_report_as_json(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("report.json");
    assertThat(run(Map.of(), quickly("wrong-no-token.sh", "--report-json", json.toString())))
        .isEqualTo(1);
    assertThat(Files.readString(json))
        .contains("\"conforms\" : false")
        .contains("\"violatedRules\" : [ \"CC-AUTH-001\" ]")
        .contains("\"profile\" : \"quick (time scale x25)\"")
        .doesNotContainPattern(FULL_TOKEN);
  }

  @Test
  void a_client_that_cannot_be_started_exits_2() {
    assertThat(run(Map.of(), "check-client", "--", "/no/such/client")).isEqualTo(2);
    assertThat(output()).contains("error: cannot start client command [/no/such/client]");
  }

  @Test
  void bad_usage_exits_64() {
    assertThat(run(Map.of(), "check-client")).isEqualTo(64);
    assertThat(output()).contains("Missing required parameter: 'COMMAND'");
    assertThat(run(Map.of(), "check-client", "--client-timeout", "soon", "--", "true"))
        .isEqualTo(64);
    assertThat(output()).contains("client-timeout must be a positive duration");
    assertThat(run(Map.of(), "check-client", "--profile", "slow", "--", "true")).isEqualTo(64);
    assertThat(run(Map.of("REELS_MOCK_POLL_INTERVAL", "-5s"), "check-client", "--", "true"))
        .isEqualTo(64);
  }

  @Test
  void help_lists_every_option_with_its_default() {
    assertThat(run(Map.of(), "check-client", "--help")).isZero();
    assertThat(output())
        .contains(
            "--profile",
            "realistic (default",
            "--time-scale",
            "--port",
            "default 0",
            "--client-timeout",
            "default 10m",
            "--poll-interval",
            "--give-up-after",
            "--rate-limit-requests",
            "--max-unfinished-jobs",
            "--disable-rate-limit",
            "--verbose",
            "--report-json",
            "REELS_BASE_URL");
  }
}
