package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.MockServerSettings;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.RequiredTools;
import dev.reelskit.mock.jobs.TimingProfile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real client scripts against the real mock, its limits emulated (429 + Retry-After), judged
 * with the documented rules on the mock's clock. The mock runs the {@code quick} profile sped up
 * (x25: a 5 s poll interval is 200 ms of real time), so the whole class takes seconds. Each wrong
 * client is caught by exactly the rule it breaks; the correct ones pass, also when refused first.
 * A missing runtime skips its case with the reason, never passes it.
 */
class ClientScriptsTest {

  static final String TOKEN = "ist_AbCdEfGhIjKlMnOpQrStUvWxYz12";
  static final double SCALE = 25;

  /**
   * One client run.
   *
   * @param script the client, from {@code src/test/resources/clients}
   * @param broken the rules it must break, exactly
   * @param refusedFirst whether another caller has used up the token's budget, so that the
   *     client's first request is refused with 429 and a Retry-After
   * @param scale the mock's time scale for this run
   * @param rateLimit requests per 60 s, emulated and judged
   * @param env extra environment for the client
   */
  record Case(String script, List<String> broken, boolean refusedFirst, double scale,
      int rateLimit, Map<String, String> env) {

    static Case of(String script, String... broken) {
      return new Case(script, List.of(broken), false, SCALE,
          MockServerSettings.DOCUMENTED_RATE_LIMIT, Map.of());
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

    @Override
    public String toString() {
      return script + (refusedFirst ? " refused first with 429" : "")
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
        Case.of("wrong-polls-after-done.sh", ClientRules.POLL_AFTER_TERMINAL),
        Case.of("wrong-ignores-retry-after.sh", ClientRules.RETRY_AFTER).withRefusal(),
        Case.of("wrong-floods-jobs.sh", ClientRules.UNFINISHED_JOBS),
        // Two jobs back to back are 8 requests in about 15 s of mock time: a limit of 5 makes the
        // flood unmistakable however slow the machine, and keeps the run short.
        Case.of("wrong-floods-rate.sh", ClientRules.RATE_LIMIT)
            .withRateLimit(5, Map.of("JOBS", "2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void each_client_breaks_exactly_its_rules(Case c) throws Exception {
    List<String> command = command(c.script());
    MockServerSettings settings = MockServerSettings.builder().port(0)
        .profile(TimingProfile.QUICK).timeScale(c.scale()).rateLimit(true)
        .limits(c.rateLimit(), MockServerSettings.DOCUMENTED_MAX_UNFINISHED_JOBS).build();
    try (ReelsMock mock = ReelsMock.start(settings)) {
      if (c.refusedFirst()) {
        useUpBudget(mock, c.rateLimit());
      }
      ClientCommand client = ClientCommand.of(command).withTimeout(Duration.ofSeconds(30))
          .capturingOutput()
          // 7 s and 120 s of mock time, as the clients' defaults are in real time.
          .withEnvironment("POLL_INTERVAL_MS", Long.toString(Math.round(7000 / c.scale())))
          .withEnvironment("TIMEOUT_MS", Long.toString(Math.round(120_000 / c.scale())));
      for (Map.Entry<String, String> e : c.env().entrySet()) {
        client = client.withEnvironment(e.getKey(), e.getValue());
      }
      ClientConformanceReport report = ClientCheck.run(mock.baseUrl(), TOKEN, client,
          mock.traffic(), mock.clientRuleSettings(), mock.profileLabel());

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
   * client's first request is refused for about 20 s (mock), Retry-After 1 s (real). The
   * caller's requests are then forgotten, so only the client is judged.
   */
  private static void useUpBudget(ReelsMock mock, int limit) {
    Http http = new Http(mock.baseUrl());
    for (int i = 0; i < limit; i++) {
      assertThat(http.poll(TOKEN, 42).status()).isEqualTo(200);
    }
    mock.advanceClock(Duration.ofSeconds(40));
    mock.resetTraffic();
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
