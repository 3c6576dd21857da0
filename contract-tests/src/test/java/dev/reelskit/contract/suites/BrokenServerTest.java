package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.cli.SuiteLauncher;
import dev.reelskit.contract.report.RuleResult;
import dev.reelskit.contract.report.RunOutcome;
import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule is seen failing, under its own id, against a server with exactly one defect. */
class BrokenServerTest {

  @ParameterizedTest(name = "{0} is caught by its rule")
  @EnumSource(Defect.class)
  void each_defect_fails_the_rule_it_breaks(Defect defect) {
    RunOutcome outcome;
    try (ReelsTestServer server = ReelsTestServer.start(defect)) {
      outcome = SuiteLauncher.launch(FastSettings.against(server));
    }
    String expected = defect.breaks().id();
    List<RuleResult> failed = outcome.results().stream()
        .filter(r -> r.status() == RuleResult.Status.FAILED)
        .toList();

    assertThat(failed).extracting(RuleResult::ruleId).contains(expected);
    RuleResult failure = failed.stream().filter(r -> r.ruleId().equals(expected)).findFirst().orElseThrow();
    assertThat(failure.failure()).isInstanceOf(ContractViolation.class);
    assertThat(((ContractViolation) failure.failure()).rule()).isEqualTo(defect.breaks());
    assertThat(failure.detail()).startsWith(defect.breaks().headline());
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.RULE_FAILED);
  }

  @Test
  void every_rule_has_a_server_that_breaks_it() {
    EnumSet<Rule> broken = Arrays.stream(Defect.values())
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
