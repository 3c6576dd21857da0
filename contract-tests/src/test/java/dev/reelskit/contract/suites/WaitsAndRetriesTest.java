package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RuleResult;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.HostileServer;
import dev.reelskit.contract.servers.HostileServer.Behaviour;
import dev.reelskit.contract.servers.ScriptedProxy;
import dev.reelskit.contract.servers.ScriptedProxy.Answer;
import dev.reelskit.contract.servers.ScriptedProxy.Arrival;
import dev.reelskit.openapi.ReelsJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite's waits and retries (RULES.md, "Limits", and the transport guarantees), judged by the
 * clock and the connections of the server it talks to: it waits at least {@code Retry-After}, backs
 * off exponentially from the poll interval without one, and retries nothing behind the run's back
 * ({@link ProbeSlotsTest} judges where probes go, on a virtual clock). Every time bound asserted is
 * a lower bound on a wait the suite chose, or a count, so a slow machine cannot break it.
 */
class WaitsAndRetriesTest {

  /** A request in the middle of the plan: jobs are being followed and probes are pending. */
  private static final int REFUSED = 6;

  @Test
  void after_a_429_with_retry_after_the_same_request_comes_back_no_sooner() {
    List<Arrival> seen;
    RunOutcome outcome;
    try (ScriptedProxy proxy =
        ScriptedProxy.start(
            (request, earlier, upstream) ->
                request.index() == REFUSED ? Answer.tooManyRequests("2") : upstream.get())) {
      outcome = SuiteLauncher.launch(FastSettings.against(proxy.baseUrl()));
      seen = proxy.arrivals();
    }

    Arrival refused = seen.get(REFUSED);
    Arrival next = seen.get(REFUSED + 1);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(next.sameRequestAs(refused)).as("%s after %s", next, refused).isTrue();
    assertThat(Duration.ofNanos(next.arrivedNanos() - refused.answeredNanos()))
        .as("from the 429 leaving the server to the next request arriving")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2))
        .isLessThan(Duration.ofSeconds(2 + 5));
    assertThat(outcome.exitCode()).as(failures(outcome)).isZero();
  }

  @Test
  void after_429s_without_retry_after_the_waits_double_from_the_poll_interval() {
    Duration interval = Duration.ofMillis(150);
    int refusals = 4;
    List<Arrival> seen;
    try (ScriptedProxy proxy =
        ScriptedProxy.start(
            (request, earlier, upstream) ->
                request.index() >= REFUSED && request.index() < REFUSED + refusals
                    ? Answer.tooManyRequests(null)
                    : upstream.get())) {
      SuiteLauncher.launch(
          FastSettings.against(proxy.baseUrl()).toBuilder().pollInterval(interval).build());
      seen = proxy.arrivals();
    }

    List<Duration> waits = new ArrayList<>();
    for (int i = REFUSED; i < REFUSED + refusals; i++) {
      Arrival refused = seen.get(i);
      Arrival next = seen.get(i + 1);
      assertThat(next.sameRequestAs(refused)).as("request %d is the one refused before", i + 1);
      waits.add(Duration.ofNanos(next.arrivedNanos() - refused.answeredNanos()));
    }
    System.out.println("waits after 429s without Retry-After: " + millis(waits));
    for (int k = 0; k < refusals; k++) {
      assertThat(waits.get(k))
          .as("wait %d of %s: at least the poll interval times 2^%d", k + 1, millis(waits), k)
          .isGreaterThanOrEqualTo(interval.multipliedBy(1L << k));
    }
    assertThat(seen.get(REFUSED + refusals).status()).isNotEqualTo(429);
  }

  /**
   * RC-LIFE-002's lenient clause: a job first seen terminal after the job timeout, because the
   * suite's own wait (here a 429's Retry-After) left a gap, is not a failure. The first job shows
   * {@code processing} to every read for 600 ms, its next read gets a 429 with {@code Retry-After:
   * 1}, and the read after the wait (past the 1 s timeout) shows it done.
   */
  @Test
  void a_job_first_seen_done_after_the_timeout_because_the_suite_had_to_wait_passes() {
    AtomicReference<String> firstJob = new AtomicReference<>();
    AtomicReference<Long> firstJobCreated = new AtomicReference<>();
    RunOutcome outcome;
    List<Arrival> seen;
    try (ScriptedProxy proxy =
        ScriptedProxy.start(
            (request, earlier, upstream) -> {
              String job = firstJob.get();
              if (job == null || !request.path().equals("/api/v1/reels/" + job)) {
                Answer answer = upstream.get();
                if (job == null && answer.status() == 202) {
                  firstJob.set(json(answer.body()).path("id").asText());
                  firstJobCreated.set(request.arrivedNanos());
                }
                return answer;
              }
              long age = (request.arrivedNanos() - firstJobCreated.get()) / 1_000_000;
              boolean refusedOnce = earlier.stream().anyMatch(a -> a.status() == 429);
              if (age < 600) {
                Answer answer = upstream.get();
                ObjectNode json = (ObjectNode) json(answer.body());
                json.put("status", "processing").putNull("result").putNull("error");
                return new Answer(200, null, json.toString());
              }
              return refusedOnce ? upstream.get() : Answer.tooManyRequests("1");
            })) {
      outcome =
          SuiteLauncher.launch(
              FastSettings.against(proxy.baseUrl()).toBuilder()
                  .pollInterval(Duration.ofMillis(100))
                  .jobTimeout(Duration.ofSeconds(1))
                  .build());
      seen = proxy.arrivals();
    }

    List<Arrival> reads =
        seen.stream()
            .filter(a -> a.path().equals("/api/v1/reels/" + firstJob.get()))
            .filter(a -> a.status() == 200)
            .toList();
    JsonNode firstDone =
        reads.stream()
            .map(a -> json(a.answer()))
            .filter(json -> json.path("status").asText().equals("done"))
            .findFirst()
            .orElseThrow();
    long seenDoneAfter =
        (reads.stream()
                    .filter(a -> json(a.answer()).equals(firstDone))
                    .findFirst()
                    .orElseThrow()
                    .arrivedNanos()
                - firstJobCreated.get())
            / 1_000_000;
    assertThat(seenDoneAfter).as("first seen done, ms after its 202").isGreaterThan(1000);
    assertThat(outcome.results())
        .filteredOn(r -> r.ruleId().equals("RC-LIFE-002"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).as(r.detail()).isEqualTo(RuleResult.Status.PASSED));
    assertThat(outcome.exitCode()).as(failures(outcome)).isZero();
  }

  /**
   * Below HTTP the suite retries nothing: a server that resets, talks garbage or never answers sees
   * one connection, and the run ends there.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Behaviour.class,
      names = {"RESET", "GARBAGE", "SILENT"})
  void a_transport_failure_is_never_retried(Behaviour behaviour) {
    RunOutcome outcome;
    int connections;
    try (HostileServer server = HostileServer.start(behaviour)) {
      outcome =
          SuiteLauncher.launch(
              FastSettings.against(server.baseUrl()).toBuilder()
                  .requestTimeout(Duration.ofSeconds(1))
                  .build());
      connections = server.connections().size();
    }

    assertThat(connections).as("connections the server accepted").isEqualTo(1);
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.NOTHING_RAN);
  }

  /** An answer of 500 is judged, never sent again: each probe and each submission goes once. */
  @Test
  void a_500_is_judged_not_retried() {
    List<Arrival> seen;
    try (ScriptedProxy proxy =
        ScriptedProxy.start((request, earlier, upstream) -> upstream.get())) {
      SuiteLauncher.launch(FastSettings.against(proxy.baseUrl()));
      seen = proxy.arrivals();
    }

    List<Arrival> failed = seen.stream().filter(a -> a.status() >= 500).toList();
    assertThat(failed).as("the server-error reel's 500").hasSize(1);
    assertThat(seen.stream().filter(a -> a.sameRequestAs(failed.get(0)))).hasSize(1);
  }

  private static JsonNode json(String text) {
    try {
      return ReelsJson.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Long> millis(List<Duration> durations) {
    return durations.stream().map(Duration::toMillis).toList();
  }

  private static String failures(RunOutcome outcome) {
    return outcome.results().stream()
        .filter(r -> r.status() == RuleResult.Status.FAILED)
        .map(RuleResult::detail)
        .reduce("", (a, b) -> a + "\n\n" + b);
  }
}
