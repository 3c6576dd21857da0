package dev.reelskit.mock.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The mock's clock, its profiles and a job's poll hold, at their edges, on a wall we move. */
class ClockAndTimingTest {

  private static final Instant START = Instant.parse("2026-05-22T10:00:00Z");

  /** A wall clock the test moves by hand. */
  private static final class Wall extends Clock {
    private Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void mock_time_is_wall_time_times_the_scale_plus_what_was_advanced() {
    Wall wall = new Wall();
    MockClock doubled = new MockClock(wall, 2, START);
    MockClock real = new MockClock(wall, 1, START);
    wall.now = START.plusSeconds(10);
    assertThat(doubled.now()).isEqualTo(START.plusSeconds(20));
    assertThat(real.now()).isEqualTo(START.plusSeconds(10));
    doubled.advance(Duration.ofSeconds(5));
    assertThat(doubled.now()).isEqualTo(START.plusSeconds(25));
    assertThat(doubled.scale()).isEqualTo(2.0);
    assertThatThrownBy(() -> doubled.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_client_waits_the_wall_seconds_rounded_up_and_at_least_one() {
    Wall wall = new Wall();
    assertThat(new MockClock(wall, 1, START).wallSecondsFor(Duration.ofSeconds(2))).isEqualTo(2);
    assertThat(new MockClock(wall, 1, START).wallSecondsFor(Duration.ofMillis(2001))).isEqualTo(3);
    assertThat(new MockClock(wall, 4, START).wallSecondsFor(Duration.ofSeconds(10))).isEqualTo(3);
    assertThat(new MockClock(wall, 0, START).wallSecondsFor(Duration.ofSeconds(5))).isEqualTo(5);
    assertThat(new MockClock(wall, 1, START).wallSecondsFor(Duration.ZERO)).isEqualTo(1);
  }

  @Test
  void profiles_are_named_on_the_command_line_in_lower_case() {
    for (TimingProfile p : TimingProfile.values()) {
      assertThat(p.cliName()).isEqualTo(p.name().toLowerCase(java.util.Locale.ROOT));
      assertThat(TimingProfile.fromCliName(" " + p.name() + " ")).isSameAs(p);
      assertThat(p.description()).isNotBlank();
    }
    assertThatThrownBy(() -> TimingProfile.fromCliName("slow"))
        .hasMessage("unknown profile 'slow' (expected realistic, fast or quick)");
  }

  @Test
  void a_realistic_job_takes_5_to_90_seconds_and_is_the_same_for_the_same_seed() {
    for (long id = 1; id <= 200; id++) {
      JobTiming t = TimingProfile.REALISTIC.timingFor(id, 42);
      Duration total = t.pending().plus(t.processing());
      assertThat(total).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(90));
      assertThat(t.pending().toMillis() * 100 / total.toMillis()).isBetween(9L, 30L);
      assertThat(TimingProfile.REALISTIC.timingFor(id, 42)).isEqualTo(t);
    }
    assertThat(TimingProfile.REALISTIC.timingFor(1, 42))
        .isNotEqualTo(TimingProfile.REALISTIC.timingFor(1, 43));
  }

  @Test
  void a_state_waits_for_its_poll_only_until_the_hold_limit() {
    JobTiming quick = TimingProfile.QUICK.timingFor(1, 0);
    assertThat(quick.waitsForPolls(START, START.plusSeconds(89))).isTrue();
    assertThat(quick.waitsForPolls(START, START.plusSeconds(90))).isFalse();
    assertThat(JobTiming.HELD.waitsForPolls(START, START)).isFalse();
    assertThat(TimingProfile.FAST.timingFor(1, 0).waitsForPolls(START, START.plusSeconds(999)))
        .isTrue();
  }
}
