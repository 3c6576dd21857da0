package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.HostileServer;
import dev.reelskit.contract.servers.HostileServer.Behaviour;
import dev.reelskit.contract.servers.RecordingListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shaded jar against servers that misbehave below the API. Each run must end by itself: with
 * {@code --request-timeout 3s} the server gets 3 s from the request leaving to the last body byte,
 * so a run lasts one deadline plus JVM start and spec parsing (5-20 s on an idle machine, up to a
 * minute and a half on the shared 2-core build machine). The bound asserted is {@value
 * #BOUND_SECONDS} s, below the 180 s after which the slowest server would answer: a run that ends
 * with the deadline's reason did not wait for it. Each run must exit 2 (1 where a rule failed) with
 * one {@code ERROR} line saying what happened, print under {@value #MAX_OUTPUT} characters, and
 * show no token. Times and peak RSS are printed.
 */
class HostileServerIT {

  static final long BOUND_SECONDS = 170;
  static final long KILL_SECONDS = 175;
  static final int MAX_OUTPUT = 8_000;

  @TempDir Path dir;

  private JarRun.Result check(String baseUrl) throws Exception {
    return JarRun.run(
        dir,
        KILL_SECONDS,
        List.of(),
        "--base-url",
        baseUrl,
        "--request-timeout",
        "3s",
        "--poll-interval",
        "50ms",
        "--job-timeout",
        "2s",
        "--rate-limit",
        "1000/1s",
        "--reports-dir",
        dir.resolve("reports").toString());
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

  @Test
  void a_body_dripping_one_byte_a_second_is_cut_off_at_the_request_timeout() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.DRIP)) {
      assertEndsCleanly(check(server.baseUrl()), "within 3000 ms (--request-timeout)");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Behaviour.class,
      names = {"HUGE_BODY", "HUGE_DECLARED_BODY"})
  void an_800_mb_body_is_refused_past_the_cap_in_a_small_heap(Behaviour behaviour)
      throws Exception {
    JarRun.Result result;
    try (HostileServer server = HostileServer.start(behaviour)) {
      result = check(server.baseUrl());
    }
    assertEndsCleanly(result, "response larger than 2097152 bytes");
    assertThat(result.peakRssKb()).as("peak RSS in kB").isLessThan(600 * 1024);
  }

  @Test
  void a_server_that_accepts_and_never_answers_is_given_up_on() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.SILENT)) {
      assertEndsCleanly(check(server.baseUrl()), "within 3000 ms (--request-timeout)");
    }
  }

  @Test
  void a_server_that_is_not_http_is_named_as_such() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.GARBAGE)) {
      assertEndsCleanly(check(server.baseUrl()), "cannot reach");
    }
  }

  @Test
  void a_server_that_resets_every_connection_ends_the_run() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.RESET)) {
      assertEndsCleanly(check(server.baseUrl()), "cannot reach");
    }
  }

  @Test
  void a_status_line_after_minutes_is_not_waited_for() throws Exception {
    try (HostileServer server = HostileServer.start(Behaviour.STATUS_AFTER_MINUTES)) {
      assertEndsCleanly(check(server.baseUrl()), "within 3000 ms (--request-timeout)");
    }
  }
}
