package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RuleResult;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.PageVoice;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that follows any one documentation page passes: each server here sends one page's
 * version of every body that page shows (read from the page's fixture, {@code openapi/doc-pages/}),
 * and the run must have 0 failures. Each run also proves the server did speak in its page's voice
 * for the situations that page covers, so a fixture that stops matching a trigger cannot make this
 * test pass by saying nothing.
 */
class DocPagesServersContractTest {

  static Stream<Arguments> voices() {
    return Stream.of(
        Arguments.of(
            PageVoice.of("errors"),
            Set.of(
                "no-token",
                "invalid-token",
                "submit-not-instagram",
                "submit-without-url",
                "unknown-job",
                "job-failed")),
        Arguments.of(
            PageVoice.shapesOf("errors"),
            Set.of(
                "no-token",
                "invalid-token",
                "submit-not-instagram",
                "submit-without-url",
                "unknown-job")),
        Arguments.of(
            PageVoice.of("analyze"),
            Set.of(
                "no-token",
                "invalid-token",
                "submit-not-instagram",
                "submit-without-url",
                "submit-server-failure")),
        Arguments.of(
            PageVoice.of("overview"),
            Set.of(
                "no-token",
                "invalid-token",
                "submit-not-instagram",
                "submit-without-url",
                "submit-server-failure",
                "unknown-job")),
        Arguments.of(PageVoice.of("authentication"), Set.of("invalid-token")));
  }

  @ParameterizedTest(name = "a server sending the {0} passes")
  @MethodSource("voices")
  void every_rule_holds(PageVoice voice, Set<String> spoken) {
    RunOutcome outcome;
    Set<String> voiced;
    try (ReelsTestServer server =
        ReelsTestServer.start(ReelsTestServer.Options.liberal().speaking(voice))) {
      outcome = SuiteLauncher.launch(FastSettings.against(server));
      voiced = server.voicedTriggers();
    }

    assertThat(voiced).as("situations answered in the page's voice").containsAll(spoken);
    assertThat(outcome.results())
        .filteredOn(r -> r.status() == RuleResult.Status.FAILED)
        .extracting(r -> r.displayName() + ": " + r.detail() + " " + r.failure())
        .isEmpty();
    assertThat(outcome.exitCode()).isZero();
  }
}
