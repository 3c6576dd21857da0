package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** README: {@code --terminal-repolls N}, "at least 2": fewer is bad usage, 2 runs. */
class TerminalRepollsOptionTest {

  @TempDir Path reports;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new ContractRunner(Map.of("REELS_TOKEN", ReelsTestServer.TOKEN), Map.of(), print, print)
        .run(args);
  }

  @ParameterizedTest(name = "--terminal-repolls {0} exits 64")
  @ValueSource(strings = {"1", "0", "-3"})
  void fewer_than_two_terminal_repolls_are_bad_usage(String n) {
    assertThat(
            run(
                "--base-url",
                "http://127.0.0.1:1",
                "--terminal-repolls",
                n,
                "--reports-dir",
                reports.toString()))
        .isEqualTo(64);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("terminal re-polls must be at least 2");
  }

  @Test
  void two_terminal_repolls_run_and_pass_against_a_correct_server() {
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      int code =
          run(
              "--base-url",
              server.baseUrl(),
              "--terminal-repolls",
              "2",
              "--poll-interval",
              "50ms",
              "--job-timeout",
              "10s",
              "--rate-limit",
              "1000/1s",
              "--reports-dir",
              reports.toString());
      assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }
  }
}
