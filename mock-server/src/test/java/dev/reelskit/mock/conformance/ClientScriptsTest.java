package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real client scripts against the real mock, its limits emulated (429 + Retry-After), judged
 * with the documented rules on the mock's clock. The mock runs the {@code quick} profile sped up
 * (x25: a 5 s poll interval is 200 ms of real time), so the whole class takes seconds. Each wrong
 * client is caught by exactly the rule it breaks; the correct ones pass, also when refused first. A
 * missing runtime skips its case with the reason, never passes it.
 */
class ClientScriptsTest {

  static final String TOKEN = "ist_AbCdEfGhIjKlMnOpQrStUvWxYz12";
  static final double SCALE = 25;

  /**
   * One client run.
   *
   * @param script the client, from {@code src/test/resources/clients}
   * @param broken the rules it must break, exactly
   * @param refusedFirst whether another caller has used up the token's budget, so that the client's
   *     first request is refused with 429 and a Retry-After
   * @param scale the mock's time scale for this run
   * @param rateLimit requests per 60 s, emulated and judged
   * @param env extra environment for the client
   */
  record Case(
      String script,
      List<String> broken,
      boolean refusedFirst,
      double scale,
      int rateLimit,
      Map<String, String> env) {

    static Case of(String script, String... broken) {
      return new Case(
          script,
          List.of(broken),
          false,
          SCALE,
          MockServerSettings.DOCUMENTED_RATE_LIMIT,
          Map.of());
    }

    Case withRefusal() {
      return new Case(script, broken, true, scale, rateLimit, env);
    }

    Case atScale(double value) {
      return new Case(script, broken, refusedFirst, value, rateLimit, env);
    }

    Case withRateLimit(int requests, Map<String, String> clientEnv) {
      return new Case(script, broken, refusedFirst, scale, requests, clientEnv);
    }

    Case withEnvironment(String name, String value) {
      return new Case(script, broken, refusedFirst, scale, rateLimit, Map.of(name, value));
    }

    @Override
    public String toString() {
      return script
          + (env.isEmpty() ? "" : " " + env)
          + (refusedFirst ? " refused first with 429" : "")
          + (broken.isEmpty() ? " breaks no rule" : " breaks exactly " + broken);
    }
  }

  static Stream<Case> clients() {
    return Stream.of(
        Case.of("correct-client.sh"),
        Case.of("correct-client.mjs"),
        Case.of("correct-client.py"),
        // The correct clients honour Retry-After too, and still break nothing.
        Case.of("correct-client.sh").withRefusal(),
        Case.of("correct-client.mjs").withRefusal(),
        Case.of("correct-client.py").withRefusal(),
        // x5: a tight loop stays far below the 4.5 s least gap even on a loaded machine.
        Case.of("wrong-polls-without-delay.sh", ClientRules.POLL_SPACING).atScale(5),
        Case.of("wrong-no-token.sh", ClientRules.AUTH),
        Case.of("wrong-guesses-a-list-endpoint.sh", ClientRules.OPERATION),
        Case.of("wrong-submits-a-bad-body.sh", ClientRules.SUBMIT_BODY),
        Case.of("wrong-submits-a-bad-body.sh", ClientRules.SUBMIT_BODY)
            .withEnvironment("MISTAKE", "too-large"),
        // Its second poll 150 s of mock time after the first.
        Case.of("wrong-polls-past-the-bound.sh", ClientRules.GIVE_UP)
            .withEnvironment("LATE_MS", Long.toString(Math.round(150_000 / SCALE))),
        Case.of("wrong-polls-after-done.sh", ClientRules.POLL_AFTER_TERMINAL),
        Case.of("wrong-ignores-retry-after.sh", ClientRules.RETRY_AFTER).withRefusal(),
        Case.of("wrong-floods-jobs.sh", ClientRules.UNFINISHED_JOBS),
        // Two jobs back to back are 8 requests, 7 s of mock time apart plus each request's own
        // time: a limit of 5 needs 6 of them within 60 s. At x5 a loaded machine's 1 s per curl
        // is 5 s of mock time, well inside that; at x25 it would be 25 s and no flood at all.
        Case.of("wrong-floods-rate.sh", ClientRules.RATE_LIMIT)
            .atScale(5)
            .withRateLimit(5, Map.of("JOBS", "2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void each_client_breaks_exactly_its_rules(Case c) throws Exception {
    List<String> command = command(c.script());
    MockServerSettings settings =
        MockServerSettings.builder()
            .port(0)
            .profile(TimingProfile.QUICK)
            .timeScale(c.scale())
            .rateLimit(true)
            .limits(c.rateLimit(), MockServerSettings.DOCUMENTED_MAX_UNFINISHED_JOBS)
            .build();
    HeldClock wall = new HeldClock();
    try (ReelsMock mock =
        ReelsMock.start(settings, new MockClock(wall, c.scale(), wall.instant()))) {
      CompletableFuture<Void> released;
      if (c.refusedFirst()) {
        useUpBudget(mock, c.rateLimit());
        released = CompletableFuture.runAsync(() -> releaseOnFirstRequest(mock, wall));
      } else {
        wall.release();
        released = CompletableFuture.completedFuture(null);
      }
      ClientCommand client =
          ClientCommand.of(command)
              .withTimeout(Duration.ofSeconds(30))
              .capturingOutput()
              // 7 s of mock time, as the clients' default is in real time; they give up after 60 s,
              // half the 120 s bound, so that a loaded machine cannot push a correct client past
              // it.
              .withEnvironment("POLL_INTERVAL_MS", Long.toString(Math.round(7000 / c.scale())))
              .withEnvironment("TIMEOUT_MS", Long.toString(Math.round(60_000 / c.scale())));
      for (Map.Entry<String, String> e : c.env().entrySet()) {
        client = client.withEnvironment(e.getKey(), e.getValue());
      }
      ClientConformanceReport report =
          ClientCheck.run(
              mock.baseUrl(),
              TOKEN,
              client,
              mock.traffic(),
              mock.clientRuleSettings(),
              mock.profileLabel());
      wall.release();
      released.join();

      String why = report.toText() + report.clientRun().output();
      assertThat(report.violatedRuleIds()).as(why).isEqualTo(c.broken());
      assertThat(report.profile()).isEqualTo("quick (time scale x" + (long) c.scale() + ")");
      assertThat(report.toText()).contains("profile   quick (time scale x");
      if (c.refusedFirst()) {
        assertThat(report.requests()).as(why).isGreaterThan(0);
        assertThat(mock.traffic().snapshot().get(0).httpStatus()).as(why).isEqualTo(429);
      }
      assertThat(report.clientRun().timedOut()).isFalse();
      assertThat(report.clientRun().output() + report.toText() + report.toJson())
          .doesNotContain(TOKEN);
    }
  }

  /**
   * Another caller with the same token sends the whole budget, then 40 s of mock time pass: the
   * client's first request is refused for about 20 s (mock), Retry-After 1 s (real). The caller's
   * requests are then forgotten, so only the client is judged. The wall clock stands still until
   * that first request has been answered, so a slow start cannot outlast the refusal.
   */
  private static void useUpBudget(ReelsMock mock, int limit) {
    Http http = new Http(mock.baseUrl());
    for (int i = 0; i < limit; i++) {
      assertThat(http.poll(TOKEN, 42).status()).isEqualTo(200);
    }
    mock.advanceClock(Duration.ofSeconds(40));
    mock.resetTraffic();
  }

  private static void releaseOnFirstRequest(ReelsMock mock, HeldClock wall) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (mock.traffic().snapshot().isEmpty() && System.nanoTime() < giveUp) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    wall.release();
  }

  private static List<String> command(String script) throws URISyntaxException, IOException {
    Path path = Path.of(ClientScriptsTest.class.getResource("/clients/" + script).toURI());
    List<String> command = new ArrayList<>();
    if (script.endsWith(".sh")) {
      RequiredTools.assumeInstalled("bash", "curl", "jq");
      command.add("bash");
    } else if (script.endsWith(".mjs")) {
      RequiredTools.assumeInstalled("node");
      command.add("node");
    } else {
      RequiredTools.assumeInstalled("python3");
      command.add("python3");
    }
    command.add(path.toString());
    return command;
  }
}
