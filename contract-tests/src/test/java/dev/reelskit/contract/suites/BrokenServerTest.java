package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RuleResult;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule is seen failing, under its own id, against a server with exactly one defect. */
class BrokenServerTest {

  @ParameterizedTest(name = "{0} fails exactly its rule and the collateral it names")
  @EnumSource(Defect.class)
  void each_defect_fails_exactly_the_rules_it_breaks(Defect defect) {
    RunOutcome outcome;
    try (ReelsTestServer server = ReelsTestServer.start(defect)) {
      outcome =
          SuiteLauncher.launch(
              defect == Defect.NEVER_FINISHES
                  ? FastSettings.giveUpQuickly(server)
                  : FastSettings.against(server));
    }
    List<RuleResult> failed =
        outcome.results().stream().filter(r -> r.status() == RuleResult.Status.FAILED).toList();

    Set<String> failedIds =
        failed.stream().map(RuleResult::ruleId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedIds =
        defect.fails().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(failedIds)
        .as(() -> failed.stream().map(RuleResult::detail).collect(Collectors.joining("\n\n")))
        .isEqualTo(expectedIds);
    RuleResult failure =
        failed.stream()
            .filter(r -> r.ruleId().equals(defect.breaks().id()))
            .findFirst()
            .orElseThrow();
    assertThat(failure.failure()).isInstanceOf(ContractViolation.class);
    assertThat(((ContractViolation) failure.failure()).rule()).isEqualTo(defect.breaks());
    assertThat(failure.detail()).startsWith(defect.breaks().headline());
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.RULE_FAILED);
  }

  @Test
  void a_404_served_as_html_is_reported_exactly_like_this() {
    RunOutcome outcome;
    String baseUrl;
    try (ReelsTestServer server = ReelsTestServer.start(Defect.NOT_FOUND_AS_HTML)) {
      baseUrl = server.baseUrl();
      outcome = SuiteLauncher.launch(FastSettings.against(server));
    }

    assertThat(failure(outcome, "RC-READ-007"))
        .isEqualTo(
            """
        RC-READ-007 An unknown job id is answered 404 with a JSON error body (docs/contract-rules.md#rc-read-007)

          request   GET %s/api/v1/reels/9007199254740991
                    Authorization: Bearer ****6Fj1
                    Accept: */*
          response  404 text/html <html><body>Not Found</body></html>
          at        $
          expected  a JSON object with an "error" or "message" string
          actual    <html><body>Not Found</body></html>"""
                .formatted(baseUrl));
  }

  @Test
  void a_403_served_as_html_is_reported_exactly_like_this() {
    RunOutcome outcome;
    String baseUrl;
    try (ReelsTestServer server = ReelsTestServer.start(Defect.FORBIDDEN_AS_HTML)) {
      baseUrl = server.baseUrl();
      outcome = SuiteLauncher.launch(FastSettings.against(server));
    }

    assertThat(failure(outcome, "RC-AUTH-007"))
        .matches(
            java.util.regex.Pattern.quote(
                    """
        RC-AUTH-007 A valid token without permission is refused with 403 and a JSON error body \
        (docs/contract-rules.md#rc-auth-007)
          2 checks failed

          request   POST %1$s/api/v1/reels/analyze
                    Authorization: Bearer ****Jf5Q
                    Accept: */*
                    Content-Type: application/json
                    {"url":"https://www.instagram.com/reel/RCkit"""
                        .formatted(baseUrl))
                + "[A-Za-z0-9]{6}"
                + java.util.regex.Pattern.quote(
                    """
        z/"}
          response  403 text/html <html><body>Forbidden</body></html>
          at        $
          expected  a JSON object with an "error" or "message" string
          actual    <html><body>Forbidden</body></html>

          request   GET %1$s/api/v1/reels/7340000000000
                    Authorization: Bearer ****Jf5Q
                    Accept: */*
          response  403 text/html <html><body>Forbidden</body></html>
          at        $
          expected  a JSON object with an "error" or "message" string
          actual    <html><body>Forbidden</body></html>"""
                        .formatted(baseUrl)));
  }

  @Test
  void a_changing_terminal_job_is_reported_at_the_field_that_changed_with_its_timeline() {
    RunOutcome outcome;
    try (ReelsTestServer server = ReelsTestServer.start(Defect.TERMINAL_JOB_CHANGES)) {
      outcome = SuiteLauncher.launch(FastSettings.against(server));
    }

    assertThat(failure(outcome, "RC-LIFE-003"))
        .startsWith(
            "RC-LIFE-003 A done or error job never changes (docs/contract-rules.md#rc-life-003)\n")
        .containsPattern("\\d+ checks failed \\(the first 5 shown\\)")
        .containsPattern(
            "  at        \\$\\.result\\.summary\n"
                + "  expected  \"read \\d+ times\" \\(as when the job became done\\)\n"
                + "  actual    \"read \\d+ times\"")
        .containsPattern(
            "  job       7340000000000 \\(www.instagram.com/reel/<code>/\\)\n"
                + "  elapsed   \\d+ ms\n  timeline  (pending|processing|done)@\\d+ms -> ");
  }

  @Test
  void a_server_that_goes_away_is_a_configuration_failure_not_a_rule_failure() {
    String baseUrl;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      baseUrl = server.baseUrl();
    }
    RunOutcome outcome =
        SuiteLauncher.launch(
            dev.reelskit.contract.cli.ContractTestSettings.builder(baseUrl, ReelsTestServer.TOKEN)
                .build());

    assertThat(outcome.results())
        .allSatisfy(r -> assertThat(r.detail()).startsWith("cannot reach " + baseUrl));
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.NOTHING_RAN);
  }

  private static String failure(RunOutcome outcome, String ruleId) {
    return outcome.results().stream()
        .filter(r -> r.ruleId().equals(ruleId) && r.status() == RuleResult.Status.FAILED)
        .map(RuleResult::detail)
        .findFirst()
        .orElseThrow(() -> new AssertionError(ruleId + " did not fail"));
  }

  @Test
  void every_rule_has_a_server_that_breaks_it() {
    EnumSet<Rule> broken =
        Arrays.stream(Defect.values())
            .map(Defect::breaks)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));

    assertThat(EnumSet.complementOf(broken)).isEmpty();
  }

  @Test
  void a_server_where_every_job_fails_passes() {
    RunOutcome outcome;
    try (ReelsTestServer server =
        ReelsTestServer.start(ReelsTestServer.Options.liberal().everyJobFailing())) {
      outcome = SuiteLauncher.launch(FastSettings.against(server));
    }

    assertThat(outcome.results()).filteredOn(r -> r.status() == RuleResult.Status.FAILED).isEmpty();
    assertThat(outcome.exitCode()).isZero();
  }
}
