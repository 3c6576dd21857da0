package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RuleResult;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.servers.ReelsTestServer;
import dev.reelskit.contract.servers.RewritingProxy;
import dev.reelskit.contract.servers.RewritingProxy.Rewrite;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suites never fail a correct server for a reading the documentation allows: each server here
 * answers one of the spec's accepted readings (hooks as an array, a 400 body with "error", ...) and
 * every rule must hold.
 */
class AcceptedReadingsContractTest {

  static Stream<Arguments> readings() {
    return Stream.of(
        result(
            "hooks as an array of strings",
            r -> content(r).putArray("hooks").add("Ten minutes,").add("one pan.")),
        result("hooks as one string", r -> content(r).put("hooks", "Ten minutes, one pan.")),
        result("topics as one string", r -> content(r).put("topics", "cooking")),
        result(
            "key_moments as strings",
            r -> content(r).putArray("key_moments").add("0:03 The pan hits the flame")),
        result(
            "key_moment timestamps in seconds",
            r ->
                content(r)
                    .putArray("key_moments")
                    .addObject()
                    .put("timestamp", 3.5)
                    .put("description", "flame")),
        result(
            "call_to_action and music_description null",
            r -> {
              content(r).putNull("call_to_action");
              r.with("audio").putNull("music_description");
            }),
        result(
            "call_to_action and music_description absent",
            r -> {
              content(r).remove("call_to_action");
              r.with("audio").remove("music_description");
            }),
        result("language null", r -> r.with("audio").putNull("language")),
        result("language absent", r -> r.with("audio").remove("language")),
        result(
            "platform_meta figures null and extra",
            r -> r.with("platform_meta").putNull("view_count").put("share_count", 3)),
        createdAt("created_at without an offset (a local time)", t -> t.substring(0, 19)),
        createdAt(
            "created_at with a +0200 offset and no fractions",
            t -> t.substring(0, 19) + t.substring(t.length() - 6).replace(":", "")),
        createdAt(
            "created_at with a +02 offset and no seconds",
            t -> t.substring(0, 16) + t.substring(t.length() - 6, t.length() - 3)),
        Arguments.of(
            "error bodies with \"error\" instead of \"message\"",
            (Rewrite)
                (status, body) -> {
                  if (status >= 400 && status != 401 && body.has("message")) {
                    body.set("error", body.remove("message"));
                  }
                }));
  }

  /** A job's created_at written in another ISO 8601 form the spec accepts. */
  private static Arguments createdAt(String name, java.util.function.UnaryOperator<String> form) {
    return Arguments.of(
        name,
        (Rewrite)
            (status, body) -> {
              if (status == 200 && body.path("created_at").isTextual()) {
                body.put("created_at", form.apply(body.get("created_at").asText()));
              }
            });
  }

  private static ObjectNode content(ObjectNode result) {
    return result.with("content");
  }

  private static Arguments result(String name, Consumer<ObjectNode> change) {
    return Arguments.of(
        name,
        (Rewrite)
            (status, body) -> {
              if (status == 200 && body.path("result").isObject()) {
                change.accept((ObjectNode) body.get("result"));
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void every_rule_holds(String name, Rewrite rewrite) {
    RunOutcome outcome;
    try (RewritingProxy server = RewritingProxy.start(rewrite)) {
      ContractTestSettings settings =
          ContractTestSettings.forTarget(server.baseUrl(), ReelsTestServer.TOKEN).toBuilder()
              .pollInterval(Duration.ofMillis(50))
              .jobTimeout(Duration.ofSeconds(5))
              .rateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
              .unknownToken(ReelsTestServer.UNKNOWN_TOKEN)
              .forbiddenToken(ReelsTestServer.FORBIDDEN_TOKEN)
              .build();
      outcome = SuiteLauncher.launch(settings);
    }

    assertThat(outcome.results())
        .filteredOn(r -> r.status() == RuleResult.Status.FAILED)
        .extracting(r -> r.displayName() + ": " + r.detail() + " " + r.failure())
        .isEmpty();
    assertThat(outcome.results())
        .filteredOn(r -> r.status() == RuleResult.Status.PASSED)
        .isNotEmpty();
    assertThat(outcome.exitCode()).isZero();
  }
}
