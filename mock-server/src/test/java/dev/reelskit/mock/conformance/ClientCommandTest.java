package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs tiny bash commands: real processes, no sleeps in the passing path. */
class ClientCommandTest {

  static final String BASE_URL = "http://127.0.0.1:9/";
  static final String TOKEN = "ist_abcdefghijklmnopqrstuvwxyz12";

  @Test
  void passes_base_url_and_token_through_the_environment_and_returns_the_exit_code() {
    ClientRun run =
        ClientCommand.of("bash", "-c", "echo \"$REELS_BASE_URL $REELS_TOKEN\"; exit 3")
            .capturingOutput()
            .run(BASE_URL, TOKEN);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.timedOut()).isFalse();
    assertThat(run.output()).isEqualTo(BASE_URL + " ist_****yz12\n");
    assertThat(run.describe()).startsWith("exited 3 after ");
  }

  @Test
  void replaces_placeholders_in_arguments_and_masks_the_token_in_captured_output() {
    ClientRun run =
        ClientCommand.of(
                "bash",
                "-c",
                "echo \"$1|$2|$POLL_INTERVAL_MS\"",
                "client",
                "{baseUrl}",
                "token={token}")
            .withEnvironment("POLL_INTERVAL_MS", "50")
            .capturingOutput()
            .run(BASE_URL, TOKEN);

    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).isEqualTo(BASE_URL + "|token=ist_****yz12|50\n");
  }

  @Test
  void kills_a_client_and_its_children_at_the_time_bound() {
    ClientRun run =
        ClientCommand.of("bash", "-c", "sleep 30 & echo $!; wait")
            .withTimeout(Duration.ofMillis(500))
            .capturingOutput()
            .run(BASE_URL, TOKEN);

    assertThat(run.timedOut()).isTrue();
    assertThat(run.exitCode()).isEqualTo(-1);
    assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(10));
    long child = Long.parseLong(run.output().trim());
    // Bounded: a surviving child must fail the test, not stall it for 30 s.
    Optional<Boolean> childAlive =
        ProcessHandle.of(child)
            .map(h -> h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join().isAlive());
    assertThat(childAlive)
        .as("the client's child process survived")
        .isNotEqualTo(Optional.of(true));
  }

  @Test
  void a_command_that_cannot_start_is_a_setup_error_without_the_token() {
    ClientCommand command = ClientCommand.of("/no/such/client-{token}", "{token}");

    assertThatThrownBy(() -> command.run(BASE_URL, TOKEN))
        .isInstanceOf(ClientCommandException.class)
        .hasMessageStartingWith("cannot start client command [/no/such/client-{token}, {token}]")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void rejects_an_empty_command_and_a_non_positive_timeout() {
    assertThatThrownBy(() -> ClientCommand.of(new String[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientCommand.of("true").withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
