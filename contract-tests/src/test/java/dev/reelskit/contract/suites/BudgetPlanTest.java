package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.cli.SuiteLauncher;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.rules.ContractConfigurationException;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetPlanTest {

  private static final ContractTestSettings DEFAULTS =
      ContractTestSettings.builder("http://127.0.0.1:1", ReelsTestServer.TOKEN).build();

  @Test
  void the_documented_defaults_can_honour_their_job_timeout() {
    assertThatCode(() -> BudgetPlan.check(DEFAULTS, 5)).doesNotThrowAnyException();
  }

  @Test
  void
      ten_requests_a_minute_cannot_honour_a_30_second_timeout_and_the_message_says_what_to_change() {
    ContractTestSettings settings =
        DEFAULTS.toBuilder()
            .pollInterval(Duration.ofMillis(200))
            .jobTimeout(Duration.ofSeconds(30))
            .build();

    assertThatThrownBy(() -> BudgetPlan.check(settings, 5))
        .isInstanceOf(ContractConfigurationException.class)
        .hasMessageContaining("--rate-limit 10/1m")
        .hasMessageContaining(
            "each job can be read only every 18000 ms, 2 reads within the timeout")
        .hasMessageContaining(
            "raise --rate-limit to at least 18/1m or --job-timeout to at least 54000 ms");
    assertThatCode(
            () ->
                BudgetPlan.check(
                    settings.toBuilder()
                        .rateLimit(new RateLimit(18, Duration.ofMinutes(1)))
                        .build(),
                    5))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                BudgetPlan.check(
                    settings.toBuilder().jobTimeout(Duration.ofSeconds(54)).build(), 5))
        .doesNotThrowAnyException();
  }

  @Test
  void a_budget_that_cannot_honour_the_timeout_fails_the_setup_before_any_request() {
    RunOutcome outcome;
    int requests;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      outcome =
          SuiteLauncher.launch(
              ContractTestSettings.builder(server.baseUrl(), ReelsTestServer.TOKEN)
                  .jobTimeout(Duration.ofSeconds(30))
                  .build());
      requests = server.arrivals().size();
    }

    assertThat(requests).isZero();
    assertThat(outcome.results()).isEmpty();
    assertThat(outcome.containerFailures())
        .allSatisfy(
            t ->
                assertThat(t)
                    .isInstanceOf(ContractConfigurationException.class)
                    .hasMessageContaining("cannot honour"));
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.NOTHING_RAN);
  }
}
