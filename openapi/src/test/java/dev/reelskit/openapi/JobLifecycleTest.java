package dev.reelskit.openapi;

import static dev.reelskit.openapi.model.JobStatus.DONE;
import static dev.reelskit.openapi.model.JobStatus.ERROR;
import static dev.reelskit.openapi.model.JobStatus.PENDING;
import static dev.reelskit.openapi.model.JobStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobLifecycleTest {

  @Test
  void done_and_error_are_the_only_terminal_statuses() {
    assertThat(JobLifecycle.isTerminal(DONE)).isTrue();
    assertThat(JobLifecycle.isTerminal(ERROR)).isTrue();
    assertThat(JobLifecycle.isTerminal(PENDING)).isFalse();
    assertThat(JobLifecycle.isTerminal(PROCESSING)).isFalse();
  }

  @Test
  void the_documented_steps_are_the_only_steps() {
    assertThat(JobLifecycle.next(PENDING)).containsExactly(PROCESSING);
    assertThat(JobLifecycle.next(PROCESSING)).containsExactlyInAnyOrder(DONE, ERROR);
    assertThat(JobLifecycle.next(DONE)).isEmpty();
  }

  @Test
  void a_poller_may_miss_states_but_never_sees_one_go_back() {
    assertThat(JobLifecycle.canFollow(PENDING, DONE)).isTrue();
    assertThat(JobLifecycle.canFollow(PENDING, ERROR)).isTrue();
    assertThat(JobLifecycle.canFollow(PROCESSING, PROCESSING)).isTrue();
    assertThat(JobLifecycle.canFollow(PROCESSING, PENDING)).isFalse();
    assertThat(JobLifecycle.canFollow(DONE, ERROR)).isFalse();
    assertThat(JobLifecycle.canFollow(ERROR, DONE)).isFalse();
    assertThat(JobLifecycle.canFollow(DONE, PROCESSING)).isFalse();
  }
}
