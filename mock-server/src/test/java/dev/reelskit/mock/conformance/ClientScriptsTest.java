package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real client scripts against a stand-in API, time shrunk 50 times (5 s polls become 100 ms,
 * a 60 s window 1.2 s): each wrong client is caught by exactly its rule, the correct ones pass.
 * A missing runtime skips its case with the reason, never passes it.
 */
class ClientScriptsTest {

  static final String TOKEN = "ist_AbCdEfGhIjKlMnOpQrStUvWxYz12";
  static final ClientRuleSettings SHRUNK = new ClientRuleSettings(
      Duration.ofMillis(100), Duration.ofMillis(20), 10, Duration.ofMillis(1200), 3,
      Duration.ofMillis(2400));

  /** One client run: the script, the rules it must break, and how the stand-in API behaves. */
  record Case(String script, List<String> broken, Duration refuseFirstSubmitFor,
      boolean instantJobs) {

    @Override
    public String toString() {
      return script + (refuseFirstSubmitFor == null ? "" : " given a 429")
          + (instantJobs ? " on instant jobs" : "")
          + (broken.isEmpty() ? " breaks no rule" : " breaks exactly " + broken);
    }
  }

  static Stream<Case> clients() {
    Duration refusal = Duration.ofMillis(300);
    return Stream.of(
        new Case("correct-client.sh", List.of(), null, false),
        new Case("correct-client.mjs", List.of(), null, false),
        new Case("correct-client.py", List.of(), null, false),
        // The correct clients honour Retry-After too, and still break nothing.
        new Case("correct-client.sh", List.of(), refusal, false),
        new Case("correct-client.mjs", List.of(), refusal, false),
        new Case("correct-client.py", List.of(), refusal, false),
        new Case("wrong-polls-without-delay.sh", List.of(ClientRules.POLL_SPACING), null, false),
        new Case("wrong-no-token.sh", List.of(ClientRules.AUTH), null, false),
        new Case("wrong-polls-after-done.sh", List.of(ClientRules.POLL_AFTER_TERMINAL), null,
            false),
        new Case("wrong-ignores-retry-after.sh", List.of(ClientRules.RETRY_AFTER), refusal, false),
        new Case("wrong-floods-jobs.sh", List.of(ClientRules.UNFINISHED_JOBS), null, false),
        // Instant jobs make the flood fast enough to break the shrunk window on a loaded machine.
        new Case("wrong-floods-rate.sh", List.of(ClientRules.RATE_LIMIT), null, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void each_client_breaks_exactly_its_rules(Case c) throws Exception {
    List<String> command = command(c.script());
    try (FakeReelsApi api = new FakeReelsApi(c.refuseFirstSubmitFor(), c.instantJobs())) {
      ClientConformanceReport report = ClientCheck.run(api.baseUrl(), TOKEN,
          ClientCommand.of(command).withTimeout(Duration.ofSeconds(20)).capturingOutput()
              .withEnvironment("POLL_INTERVAL_MS", "100").withEnvironment("TIMEOUT_MS", "2400"),
          api.log(), SHRUNK, "fake, time / 50");

      assertThat(report.violatedRuleIds()).as(report.toText() + report.clientRun().output())
          .isEqualTo(c.broken());
      assertThat(report.clientRun().timedOut()).isFalse();
      assertThat(report.clientRun().output()).doesNotContain(TOKEN);
    }
  }

  private static List<String> command(String script) throws URISyntaxException, IOException {
    Path path = Path.of(ClientScriptsTest.class.getResource("/clients/" + script).toURI());
    List<String> command = new ArrayList<>();
    if (script.endsWith(".sh")) {
      requireRuntime("bash", "--version");
      requireRuntime("curl", "--version");
      requireRuntime("jq", "--version");
      command.add("bash");
    } else if (script.endsWith(".mjs")) {
      requireRuntime("node", "--version");
      command.add("node");
    } else {
      requireRuntime("python3", "--version");
      command.add("python3");
    }
    command.add(path.toString());
    return command;
  }

  private static void requireRuntime(String... probe) throws IOException {
    boolean present;
    try {
      Process p = new ProcessBuilder(probe).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      present = false;
    }
    assumeTrue(present, probe[0] + " is not installed on this machine: client not run");
  }

}
