package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The launcher as {@code java -jar} runs it, without the JVM exit: exit codes, reports, secrecy.
 */
class ContractRunnerTest {

  @TempDir Path reports;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return new ContractRunner(
            env,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String[] fast(String baseUrl, String... more) {
    return Stream.concat(
            Stream.of(
                "--base-url",
                baseUrl,
                "--poll-interval",
                "50ms",
                "--job-timeout",
                "10s",
                "--rate-limit",
                "1000/1s",
                "--reports-dir",
                reports.toString()),
            Stream.of(more))
        .toArray(String[]::new);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_correct_server_exits_0_with_a_summary_table_and_junit_xml() throws IOException {
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      int code = run(Map.of("REELS_TOKEN", ReelsTestServer.TOKEN), fast(server.baseUrl()));

      assertThat(code).as(stdout()).isZero();
    }
    assertThat(stdout()).contains("Summary", "RC-LIFE-003", "PASS", "exit code 0");
    assertThat(stdout()).containsPattern("SKIP +RC-AUTH-004 An unknown token is refused with 401");
    assertThat(stdout())
        .containsPattern("SKIP +RC-AUTH-007 A valid token without permission")
        .contains("forbidden-token=(unset)");
    assertThat(xml()).contains("RC-CREATE-001").contains("<skipped");
  }

  @Test
  void a_broken_server_exits_1_and_the_token_appears_nowhere() throws IOException {
    String logText =
        runWithDebugLogs(Defect.WRONG_401_BODY, Map.of("REELS_TOKEN", ReelsTestServer.TOKEN));
    String everything = stdout() + err.toString(StandardCharsets.UTF_8) + xml() + logText;

    assertThat(stdout())
        .contains(
            "FAIL  RC-AUTH-005",
            "expected  one of \"invalid API token\" or \"API token required",
            "actual    \"unauthorized\"");
    assertThat(logText).contains("Authorization: Bearer ****6Fj1");
    assertThat(everything)
        .contains("****6Fj1")
        .doesNotContain(ReelsTestServer.TOKEN)
        .doesNotContain(ReelsTestServer.TOKEN.substring(0, 16));
  }

  @Test
  void a_server_that_lets_the_forbidden_token_through_exits_1_and_neither_token_appears_anywhere()
      throws IOException {
    String logText =
        runWithDebugLogs(
            Defect.ACCEPTS_FORBIDDEN_TOKEN,
            Map.of(
                "REELS_TOKEN",
                ReelsTestServer.TOKEN,
                "REELS_FORBIDDEN_TOKEN",
                ReelsTestServer.FORBIDDEN_TOKEN));
    String everything = stdout() + err.toString(StandardCharsets.UTF_8) + xml() + logText;

    assertThat(stdout())
        .contains(
            "forbidden-token=****Jf5Q",
            "FAIL  RC-AUTH-007",
            "Authorization: Bearer ****Jf5Q",
            "expected  403 (the token is valid but lacks the permission)");
    assertThat(logText).contains("Authorization: Bearer ****Jf5Q");
    assertThat(everything)
        .doesNotContain(ReelsTestServer.FORBIDDEN_TOKEN)
        .doesNotContain(ReelsTestServer.FORBIDDEN_TOKEN.substring(0, 16))
        .doesNotContain(ReelsTestServer.TOKEN)
        .doesNotContain(ReelsTestServer.TOKEN.substring(0, 16));
  }

  @Test
  void a_forbidden_token_passed_as_a_flag_is_refused_without_being_echoed() {
    assertThat(
            run(
                Map.of("REELS_FORBIDDEN_TOKEN", ReelsTestServer.FORBIDDEN_TOKEN),
                "--base-url",
                "http://127.0.0.1:1",
                "--forbidden-token",
                ReelsTestServer.FORBIDDEN_TOKEN))
        .isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Unknown options: '--forbidden-token', '****Jf5Q'")
        .doesNotContain(ReelsTestServer.FORBIDDEN_TOKEN);
  }

  @Test
  void an_unreachable_server_exits_2() {
    String url;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      url = server.baseUrl();
    }

    assertThat(run(Map.of("REELS_TOKEN", ReelsTestServer.TOKEN), fast(url))).isEqualTo(2);
    assertThat(stdout().lines().filter(l -> l.startsWith("ERROR")))
        .singleElement()
        .asString()
        .startsWith("ERROR cannot reach " + url + ": java.net.ConnectException");
  }

  @Test
  void an_unknown_flag_exits_64() {
    assertThat(
            run(
                Map.of("REELS_TOKEN", ReelsTestServer.TOKEN),
                "--base-url",
                "http://127.0.0.1:1",
                "--tokn",
                "x"))
        .isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown options: '--tokn', 'x'");
  }

  @Test
  void a_token_passed_as_a_flag_is_refused_without_being_echoed() {
    assertThat(run(Map.of(), "--base-url", "http://127.0.0.1:1", "--token", ReelsTestServer.TOKEN))
        .isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Unknown options: '--token', '****6Fj1'")
        .doesNotContain(ReelsTestServer.TOKEN);
  }

  @Test
  void a_missing_token_exits_64() {
    assertThat(run(Map.of(), "--base-url", "http://127.0.0.1:1")).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no token: set the environment variable REELS_TOKEN");
  }

  @Test
  void help_lists_every_option_with_its_default() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(stdout())
        .contains(
            "--base-url",
            "--token-file",
            "--poll-interval",
            "Default: 5s",
            "--job-timeout",
            "--terminal-repolls",
            "--rate-limit",
            "--max-unfinished-jobs",
            "--error-reel-url",
            "--server-error-reel-url",
            "--unknown-token",
            "--forbidden-token-file",
            "REELS_FORBIDDEN_TOKEN",
            "--reports-dir");
  }

  private String xml() throws IOException {
    try (Stream<Path> files = Files.list(reports)) {
      List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).toList();
      assertThat(xml).isNotEmpty();
      StringBuilder all = new StringBuilder();
      for (Path p : xml) {
        all.append(Files.readString(p));
      }
      return all.toString();
    }
  }

  /**
   * Runs the suite against a server with {@code defect}, expecting exit 1; returns the DEBUG log.
   */
  private String runWithDebugLogs(Defect defect, Map<String, String> env) {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.reelskit.contract");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try (ReelsTestServer server = ReelsTestServer.start(defect)) {
      assertThat(run(env, fast(server.baseUrl()))).as(stdout()).isEqualTo(1);
    } finally {
      logger.setLevel(before);
      logger.detachAppender(logs);
    }
    return logs.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining("\n"));
  }
}
