package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClientCheckTest {

  @Test
  void judges_the_traffic_recorded_once_the_client_exited() {
    AtomicBoolean read = new AtomicBoolean();
    ClientConformanceReport report =
        ClientCheck.run(
            ClientCommandTest.BASE_URL,
            ClientCommandTest.TOKEN,
            ClientCommand.of("bash", "-c", "exit 0").capturingOutput(),
            () -> {
              read.set(true);
              return ClientRulesTest.correctClient().entries();
            },
            ClientRuleSettings.defaults(),
            "fast");

    assertThat(read).isTrue();
    assertThat(report.conforms()).isTrue();
    assertThat(report.profile()).isEqualTo("fast");
    assertThat(report.clientRun().exitCode()).isZero();
    assertThat(report.toText()).contains("  client    exited 0 after ");
  }

  @Test
  void reads_drops_from_a_traffic_log() {
    TrafficLog log = new TrafficLog(2);
    ClientRulesTest.correctClient().entries().forEach(log::record);

    ClientConformanceReport report =
        ClientCheck.run(
            ClientCommandTest.BASE_URL,
            ClientCommandTest.TOKEN,
            ClientCommand.of("bash", "-c", "exit 1").capturingOutput(),
            log,
            ClientRuleSettings.defaults(),
            "realistic");

    assertThat(report.dropped()).isEqualTo(2);
    assertThat(report.requests()).isEqualTo(2);
    // A client's own exit code is its business (a job may end in error); rules decide.
    assertThat(report.clientRun().exitCode()).isEqualTo(1);
  }

  @Test
  void a_client_that_hangs_fails_the_check() {
    ClientConformanceReport report =
        ClientCheck.run(
            ClientCommandTest.BASE_URL,
            ClientCommandTest.TOKEN,
            ClientCommand.of("bash", "-c", "sleep 30")
                .withTimeout(Duration.ofMillis(300))
                .capturingOutput(),
            List::of,
            ClientRuleSettings.defaults(),
            "fast");

    assertThat(report.conforms()).isFalse();
    assertThat(report.clientRun().timedOut()).isTrue();
  }
}
