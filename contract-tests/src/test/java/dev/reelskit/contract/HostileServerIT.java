package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.HostileServer;
import dev.reelskit.contract.servers.HostileServer.Behaviour;
import dev.reelskit.contract.servers.HostileServer.Connection;
import dev.reelskit.contract.servers.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shaded jar against servers that misbehave below the API, and, each in a heap of {@link #HEAP}
 * (the baseline an honest run needs plus the budget), against answers built to exhaust it. Each run
 * must end by itself: with {@code --request-timeout 3s} the server gets 3 s from the request
 * leaving to the last body byte, so a run lasts one deadline plus JVM start and spec parsing (5-20
 * s on an idle machine, up to a minute and a half on the shared 2-core build machine). The bound
 * asserted is {@value #BOUND_SECONDS} s, below the 180 s after which the slowest server would
 * answer: a run that ends with the deadline's reason did not wait for it. Each run must exit 2 (1
 * where a rule failed) with one {@code ERROR} line saying what happened, print under {@value
 * #MAX_OUTPUT} characters, and show no token. Times and peak RSS are printed.
 *
 * <p>The deadline is judged at the server's end too: from the moment the server has read the
 * request to the moment the client closed the connection, the server held it at least the deadline
 * less half a second and less than twice the deadline; and it saw exactly one request, so nothing
 * was retried behind the run's back.
 */
class HostileServerIT {

  static final long BOUND_SECONDS = 170;
  static final long KILL_SECONDS = 175;
  static final int MAX_OUTPUT = 8_000;
  static final Duration DEADLINE = Duration.ofSeconds(3);

  @TempDir Path dir;

  private JarRun.Result check(String baseUrl) throws Exception {
    return check(baseUrl, List.of(), DEADLINE.toSeconds() + "s", "2s");
  }

  /** A run of the jar with these JVM options, request timeout, job timeout and more arguments. */
  private JarRun.Result check(
      String baseUrl,
      List<String> jvmOptions,
      String requestTimeout,
      String jobTimeout,
      String... more)
      throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--base-url",
                baseUrl,
                "--request-timeout",
                requestTimeout,
                "--poll-interval",
                "50ms",
                "--job-timeout",
                jobTimeout,
                "--rate-limit",
                "1000/1s",
                "--reports-dir",
                dir.resolve("reports").toString()));
    args.addAll(List.of(more));
    return JarRun.run(dir, KILL_SECONDS, jvmOptions, args.toArray(String[]::new));
  }

  private static void assertEndsCleanly(JarRun.Result result, String reason) {
    System.out.printf(
        "%s: exit %d after %d ms, %d chars of output, peak RSS %d MB%n  %s%n",
        reason,
        result.code(),
        result.millis(),
        result.output().length(),
        result.peakRssKb() / 1024,
        result
            .output()
            .lines()
            .filter(l -> l.startsWith("ERROR"))
            .findFirst()
            .orElse("(no ERROR line)"));
    assertThat(result.code()).as(result.output()).isEqualTo(2);
    assertThat(result.millis()).isLessThan(BOUND_SECONDS * 1000);
    assertThat(result.output().length()).isLessThan(MAX_OUTPUT);
    assertThat(result.stdout().lines().filter(l -> l.startsWith("ERROR")).toList())
        .as(result.output())
        .singleElement()
        .asString()
        .contains(reason);
  }

  @Test
  void a_redirect_to_another_origin_is_judged_and_never_followed() throws Exception {
    JarRun.Result result;
    List<String> received;
    try (RecordingListener elsewhere = RecordingListener.start();
        HostileServer server =
            HostileServer.start(Behaviour.REDIRECT_ELSEWHERE, elsewhere.origin())) {
      result = check(server.baseUrl());
      received = elsewhere.requests();
    }
    System.out.printf(
        "redirect: exit %d after %d ms, %d chars, the other origin received %d requests%n",
        result.code(), result.millis(), result.output().length(), received.size());

    assertThat(received).as("requests the other origin received").isEmpty();
    assertThat(String.join("\n", received)).doesNotContainIgnoringCase("authorization");
    assertThat(result.code()).as(result.output()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("FAIL  RC-HTTP-002 No response is a redirect", "actual    307");
    assertThat(result.millis()).isLessThan(BOUND_SECONDS * 1000);
    assertThat(result.output().length()).isLessThan(60_000);
  }

  /**
   * The server's view: its one request was held from the request read to the client's close for the
   * deadline (not a tenth of it, not ten times it), and no second request came.
   */
  private static void assertCutAtTheDeadline(HostileServer server) throws InterruptedException {
    List<Connection> requests = server.requestsOnceClosed(Duration.ofSeconds(10));
    System.out.printf(
        "  the server held its requests for %s%n",
        requests.stream().map(c -> c.requestToClose().toMillis() + " ms").toList());
    assertThat(requests).as("requests the server received: none retried").hasSize(1);
    assertThat(requests.get(0).closedByClientNanos()).as("closed by the client").isNotZero();
    assertThat(requests.get(0).requestToClose())
        .as("request read to connection closed, at the server")
        .isGreaterThanOrEqualTo(DEADLINE.minusMillis(500))
        .isLessThan(DEADLINE.multipliedBy(2));
  }

  @Test
  void a_body_dripping_one_byte_a_second_is_cut_off_at_the_request_timeout() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.DRIP)) {
      assertEndsCleanly(check(server.baseUrl()), "within 3000 ms (--request-timeout)");
      assertCutAtTheDeadline(server);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Behaviour.class,
      names = {"HUGE_BODY", "HUGE_DECLARED_BODY"})
  void an_800_mb_body_is_refused_past_the_cap_in_a_small_heap(Behaviour behaviour)
      throws Exception {
    JarRun.Result result;
    int requests;
    try (HostileServer server = HostileServer.start(behaviour)) {
      result = check(server.baseUrl());
      requests = server.requests().size();
    }
    assertEndsCleanly(result, "response larger than 2097152 bytes");
    assertThat(requests).as("requests the server received: none retried").isEqualTo(1);
    assertThat(result.peakRssKb()).as("peak RSS in kB").isLessThan(600 * 1024);
  }

  @Test
  void a_server_that_accepts_and_never_answers_is_given_up_on() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.SILENT)) {
      assertEndsCleanly(check(server.baseUrl()), "within 3000 ms (--request-timeout)");
      assertCutAtTheDeadline(server);
    }
  }

  @Test
  void a_server_that_is_not_http_is_named_as_such() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.GARBAGE)) {
      assertEndsCleanly(check(server.baseUrl()), "cannot reach");
      assertThat(server.requests()).as("requests received: none retried").hasSize(1);
    }
  }

  @Test
  void a_server_that_resets_every_connection_ends_the_run() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.RESET)) {
      assertEndsCleanly(check(server.baseUrl()), "cannot reach");
      // The jar's reachability check opens one connection without a request; whether the reset
      // reaches it before it closes is a race, so it is either the verdict (one connection) or
      // followed by the one request (two). A retry of the request would make three or more.
      assertThat(server.connections())
          .as("connections accepted: the reachability check and one request, none retried")
          .hasSizeBetween(1, 2);
    }
  }

  @Test
  void a_status_line_after_minutes_is_not_waited_for() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.STATUS_AFTER_MINUTES)) {
      assertEndsCleanly(check(server.baseUrl()), "within 3000 ms (--request-timeout)");
      assertCutAtTheDeadline(server);
    }
  }

  /**
   * The heap an honest run needs: measured, the jar passes against the mock at -Xmx32m (and at
   * -Xmx24m the collector's thrashing makes jobs time out).
   */
  static final int BASELINE_MB = 32;

  /** The heap above the baseline any server may make the jar use (docs/contract-suite.md). */
  static final int BUDGET_MB = 32;

  /** Every run against a server built to exhaust the jar gets only this heap. */
  static final String HEAP = "-Xmx" + (BASELINE_MB + BUDGET_MB) + "m";

  private void assertReportsWritten() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(dir.resolve("reports"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".xml")).toList())
          .as("JUnit XML written")
          .isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Behaviour.class,
      names = {"DEFLATE_BOMB", "GZIP_BOMB"})
  void a_compression_bomb_meets_the_cap_once_decoded_within_the_heap_budget(Behaviour bomb)
      throws Exception {
    JarRun.Result result;
    try (HostileServer server = HostileServer.start(bomb)) {
      // A deadline that cannot save it: decoding the gigabyte takes less.
      result = check(server.baseUrl(), List.of(HEAP), "60s", "2s");
    }
    String coding = bomb == Behaviour.GZIP_BOMB ? "gzip" : "deflate";
    assertEndsCleanly(
        result,
        "response larger than 2097152 bytes once decoded from Content-Encoding: "
            + coding
            + " (--max-response-bytes)");
    assertReportsWritten();
  }

  @Test
  void interim_answers_without_end_are_cut_after_ten() throws Exception {
    JarRun.Result result;
    try (HostileServer server = HostileServer.start(Behaviour.CONTINUE_FLOOD)) {
      result = check(server.baseUrl(), List.of(HEAP), "60s", "2s");
    }
    assertEndsCleanly(result, "response came after more than 10 interim (1xx) answers");
    assertReportsWritten();
  }

  @Test
  void a_validation_bomb_is_not_read_within_the_heap_budget() throws Exception {
    JarRun.Result result;
    try (HostileServer server = HostileServer.start(Behaviour.VALIDATION_BOMB)) {
      result = check(server.baseUrl(), List.of(HEAP), "30s", "2s");
    }
    report("validation bomb", result);

    assertThat(result.code()).as(result.output()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("FAIL  RC-SPEC-001")
        .contains("not read: more than 64 levels of nesting or 100000 JSON tokens");
    assertThat(result.stdout().lines().filter(l -> l.startsWith("ERROR"))).isEmpty();
    assertThat(result.millis()).isLessThan(BOUND_SECONDS * 1000);
    assertThat(result.stdout().length()).isLessThan(HostileServerTest.MAX_OUTPUT);
    assertReportsWritten();
  }

  @Test
  void a_status_of_two_million_letters_new_on_every_poll_keeps_output_reports_and_heap_small()
      throws Exception {
    JarRun.Result result;
    try (HostileServer server = HostileServer.start(Behaviour.SHAPESHIFTING_STATUS)) {
      result = check(server.baseUrl(), List.of(HEAP), "30s", "10s");
    }
    long xml = xmlBytes();
    report("statuses of two million letters", result);
    System.out.printf("  %d bytes of JUnit XML%n", xml);

    // Either the rules judged what was kept (exit 1), or the bodies passed what a run keeps and
    // the run ended there (exit 2, saying so); which depends on how many polls the machine made.
    List<String> errors = result.stdout().lines().filter(l -> l.startsWith("ERROR")).toList();
    if (result.code() == 2) {
      assertThat(errors)
          .singleElement()
          .asString()
          .contains("the server's answers passed what one run keeps of them");
    } else {
      assertThat(result.code()).as(result.output()).isEqualTo(1);
      assertThat(errors).isEmpty();
    }
    assertThat(result.stdout().length()).isLessThan(HostileServerTest.MAX_OUTPUT);
    assertThat(result.stdout().lines())
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(HostileServerTest.MAX_LINE));
    assertThat(result.stderr()).as("nothing escaped the run").doesNotContain("Exception in thread");
    assertThat(result.stdout()).endsWith("exit code " + result.code() + "\n");
    assertReportsWritten();
    assertThat(xml).isLessThan(HostileServerTest.MAX_XML);
    assertThat(result.millis()).isLessThan(BOUND_SECONDS * 1000);
  }

  @Test
  void a_429_without_retry_after_ends_the_run_by_attempts_measured_at_the_server()
      throws Exception {
    JarRun.Result result;
    List<Long> arrivals;
    try (HostileServer server = HostileServer.start(Behaviour.TOO_MANY_WITHOUT_RETRY_AFTER)) {
      result = check(server.baseUrl(), List.of(), "3s", "5s");
      arrivals = server.arrivals();
    }
    long span = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
    System.out.printf("  the server saw %d requests over %d ms%n", arrivals.size(), span);

    assertEndsCleanly(result, "still 429 after 5 retries of one request");
    // 100 + 200 + 400 + 800 + 1600 ms of back-off, then nothing: within the 5 s job timeout.
    assertThat(arrivals).hasSize(6);
    assertThat(span).isBetween(3_100L, 5_000L + 3_000L);
  }

  @Test
  void out_of_memory_ends_with_one_error_line_reports_and_exit_2() throws Exception {
    JarRun.Result result;
    try (HostileServer server = HostileServer.start(Behaviour.HUGE_DECLARED_BODY)) {
      // A cap above the heap: the body cannot fit, and the run must still end as documented.
      result =
          check(
              server.baseUrl(),
              List.of("-Xmx" + BASELINE_MB + "m"),
              "60s",
              "2s",
              "--max-response-bytes",
              String.valueOf(HostileServer.HUGE + 1024));
    }
    assertEndsCleanly(result, "the run ran out of memory (the JVM's heap is");
    assertReportsWritten();
  }

  private long xmlBytes() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(dir.resolve("reports"))) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void report(String what, JarRun.Result result) {
    System.out.printf(
        "%s: exit %d after %d ms, %d chars of output, peak RSS %d MB%n",
        what, result.code(), result.millis(), result.output().length(), result.peakRssKb() / 1024);
  }
}
