package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reelskit.contract.internal.cli.ContractRunner;
import dev.reelskit.contract.internal.rules.Verdict;
import dev.reelskit.contract.servers.HostileServer;
import dev.reelskit.contract.servers.HostileServer.Behaviour;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The whole command line, in this JVM, against servers whose answers are valid HTTP built to
 * exhaust the runner: what it prints (progress lines included), the JUnit XML it writes and when
 * the server saw its requests are measured. Every run must stay inside the budgets of {@code
 * docs/contract-suite.md} ("Budgets"): no line over {@value #MAX_LINE} characters, at most {@value
 * #MAX_OUTPUT} bytes printed, at most 16 KB of evidence per rule, at most {@value #MAX_XML} bytes
 * of JUnit XML, no control character from the server on a terminal, at most one ERROR line. The
 * heap the jar needs against the heavy ones is {@code HostileServerIT}'s.
 */
class HostileServerTest {

  static final int MAX_LINE = 2_048;
  static final int MAX_OUTPUT = 256 * 1024;
  static final int MAX_XML = 1024 * 1024;
  private static final Pattern UNSAFE =
      Pattern.compile(
          "[\\x00-\\x08\\x0b-\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");

  @TempDir Path reports;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ListAppender<ILoggingEvent> progress = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.reelskit.contract.progress");

  @BeforeEach
  void capture_progress() {
    progress.start();
    logger.addAppender(progress);
  }

  @AfterEach
  void release_progress() {
    logger.detachAppender(progress);
  }

  /**
   * @param stdout what the runner printed itself
   * @param printed that and the progress lines, which the jar prints on the same stdout
   */
  private record Run(
      int code, String stdout, String printed, String xml, long serverSpanMillis, long requests) {
    List<String> lines() {
      return printed.lines().toList();
    }

    List<String> errors() {
      return lines().stream().filter(l -> l.startsWith("ERROR")).toList();
    }
  }

  private Run run(Behaviour behaviour, String... more) throws IOException {
    int code;
    List<Long> arrivals;
    long requests;
    try (HostileServer server = HostileServer.start(behaviour)) {
      String[] args =
          Stream.concat(
                  Stream.of(
                      "--base-url",
                      server.baseUrl(),
                      "--request-timeout",
                      "10s",
                      "--poll-interval",
                      "50ms",
                      "--job-timeout",
                      "2s",
                      "--rate-limit",
                      "1000/1s",
                      "--reports-dir",
                      reports.toString()),
                  Stream.of(more))
              .toArray(String[]::new);
      code =
          new ContractRunner(
                  Map.of("REELS_TOKEN", ReelsTestServer.TOKEN),
                  Map.of(),
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(out, true, StandardCharsets.UTF_8))
              .run(args);
      arrivals = server.arrivals();
      requests = server.requests().size();
    }
    String stdout = out.toString(StandardCharsets.UTF_8);
    String printed =
        stdout
            + progress.list.stream()
                .map(e -> "  .. " + e.getFormattedMessage() + "\n")
                .collect(Collectors.joining());
    String xml;
    try (Stream<Path> files = Files.list(reports)) {
      xml =
          files
              .filter(f -> f.toString().endsWith(".xml"))
              .map(HostileServerTest::read)
              .collect(Collectors.joining());
    }
    long span =
        arrivals.size() < 2 ? 0 : (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
    Run run = new Run(code, stdout, printed, xml, span, requests);
    System.out.printf(
        "%s: exit %d, %d bytes printed (longest line %d), %d bytes of JUnit XML,"
            + " %d requests over %d ms%n",
        behaviour,
        code,
        printed.length(),
        run.lines().stream().mapToInt(String::length).max().orElse(0),
        xml.length(),
        requests,
        span);
    assertWithinBudgets(run);
    return run;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertWithinBudgets(Run run) {
    assertThat(run.printed().length()).as("bytes printed").isLessThan(MAX_OUTPUT);
    assertThat(run.lines())
        .as("printed lines")
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(MAX_LINE));
    assertThat(run.xml().length()).as("bytes of JUnit XML").isLessThan(MAX_XML);
    assertThat(UNSAFE.matcher(run.printed()).find()).as("a control character printed").isFalse();
    assertThat(run.errors()).as("ERROR lines").hasSizeLessThanOrEqualTo(1);
    // Each rule's block: from its result line to the next one.
    String[] blocks = run.stdout().split("\n(?=(PASS|FAIL|SKIP)  |Summary)");
    assertThat(blocks)
        .allSatisfy(
            b ->
                assertThat(b.length())
                    .as("one rule's report")
                    .isLessThan(Verdict.MAX_EVIDENCE + 4_096));
  }

  @Test
  void control_characters_in_a_status_reach_no_terminal_and_forge_no_line() throws IOException {
    Run run = run(Behaviour.CONTROL_CHARACTERS);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errors()).isEmpty();
    assertThat(run.lines()).noneMatch(l -> l.startsWith("PASS  RC-FORGED"));
    assertThat(run.printed()).contains("\\u001b[2J\\u001b[1;1H\\u0007pending\\nERROR forged");
    assertThat(UNSAFE.matcher(run.xml()).find()).as("a control character in the XML").isFalse();
  }

  @Test
  void a_megabyte_id_is_not_followed_nor_printed() throws IOException {
    Run run = run(Behaviour.HUGE_ID);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.printed())
        .contains(
            "not followed: its id is 1048576 characters long, the suite follows ids of at most 64");
    assertThat(run.printed()).doesNotContain("9".repeat(400));
  }

  @Test
  void a_new_api_version_on_every_answer_is_named_three_times_at_most() throws IOException {
    Run run = run(Behaviour.VERSION_FLOOD);

    assertThat(run.printed())
        .containsPattern("implements API version .*\\.\\.\\. \\(\\d+ chars\\)");
    assertThat(run.printed()).containsPattern("and \\d+ more\n");
  }

  @Test
  void nesting_four_hundred_thousand_deep_is_not_read_and_rc_spec_001_says_so() throws IOException {
    Run run = run(Behaviour.DEEP_NESTING);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.printed())
        .contains("FAIL  RC-SPEC-001")
        .contains(
            "validation.response.body: not read: more than 64 levels of nesting or 100000 JSON"
                + " tokens (the suite's parse budget)");
  }

  @Test
  void limits_announced_past_any_arithmetic_read_as_unreadable() throws IOException {
    Run run = run(Behaviour.LIMITS_OVERFLOW);

    assertThat(run.printed())
        .contains("could not be read, so the documented limits apply")
        .doesNotContain("Exception");
    assertThat(run.code()).isEqualTo(1); // its jobs never finish: RC-LIFE-002
    assertThat(run.printed()).contains("FAIL  RC-LIFE-002");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Behaviour.class,
      names = {"TOO_MANY_RETRY_AFTER_ZERO", "TOO_MANY_RETRY_AFTER_NEGATIVE"})
  void a_run_against_429s_that_ask_for_no_wait_ends_by_attempts(Behaviour behaviour) {
    Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(behaviour));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errors())
        .singleElement()
        .asString()
        .startsWith("ERROR the server kept answering 429 Too Many Requests to POST http://");
    // One request and its five retries, 100 + 200 + 400 + 800 ms apart at least, then nothing.
    assertThat(run.requests()).isEqualTo(5);
    assertThat(run.serverSpanMillis()).isBetween(1_500L, 2_000L + 5_000L);
  }
}
