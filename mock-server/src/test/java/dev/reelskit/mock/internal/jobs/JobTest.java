package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobTest {

  private static final Instant T0 = Instant.parse("2026-05-22T10:00:00Z");
  private final MockClock clock = MockClock.frozenAt(T0);

  private JobStore store(TimingProfile profile) {
    return new JobStore(clock, profile, 42, 100);
  }

  @Nested
  class when_job_is_pending {
    JobStore jobs;
    long id;

    @BeforeEach
    void create() {
      jobs = new JobStore(clock, TimingProfile.QUICK, 42, 100);
      id = jobs.create("https://www.instagram.com/reel/ABC/", "ist_****abcd").id();
    }

    @Test
    void it_stays_pending_until_its_time_is_up() {
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
      clock.advance(Duration.ofMillis(1_999));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    }

    @Test
    void it_is_shown_to_at_least_one_poll_even_when_its_time_is_long_past() {
      clock.advance(Duration.ofSeconds(60));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void it_waits_for_polls_only_until_the_documented_90_seconds() {
      assertThat(jobs.peek(id).orElseThrow().finishesAt()).isEqualTo(T0.plusSeconds(90));
      clock.advance(Duration.ofMillis(89_999));
      assertThat(jobs.peek(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
      clock.advance(Duration.ofMillis(1));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void peeking_counts_no_poll() {
      clock.advance(Duration.ofSeconds(60));
      jobs.peek(id);
      jobs.peek(id);
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    }
  }

  @Nested
  class when_job_is_processing {
    JobStore jobs;
    long id;

    @BeforeEach
    void create() {
      jobs = new JobStore(clock, TimingProfile.QUICK, 42, 100);
      id = jobs.create("https://www.instagram.com/reel/ABC/", null).id();
      jobs.poll(id);
      clock.advance(Duration.ofSeconds(2));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void it_finishes_after_its_processing_time() {
      clock.advance(Duration.ofMillis(2_999));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
      clock.advance(Duration.ofMillis(1));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.DONE);
    }
  }

  @Nested
  class when_job_is_done {
    JobStore jobs;
    long id;

    @BeforeEach
    void create() {
      jobs = store(TimingProfile.FAST);
      id = jobs.create("https://www.instagram.com/reel/ABC/", null).id();
      jobs.poll(id);
      jobs.poll(id);
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void it_never_changes_again() {
      Job done = jobs.peek(id).orElseThrow();
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofHours(1));
        assertThat(jobs.poll(id).orElseThrow()).isEqualTo(done);
      }
    }

    @Test
    void the_admin_api_can_still_force_it_back() {
      jobs.force(id, JobStatus.PROCESSING);
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
    }
  }

  @Nested
  class when_job_failed {
    @Test
    void an_error_code_ends_in_error_after_processing_with_the_reason() {
      JobStore jobs = store(TimingProfile.FAST);
      long id = jobs.create("https://www.instagram.com/reel/ERRORlong123/", null).id();
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
      Job failed = jobs.poll(id).orElseThrow();
      assertThat(failed.status()).isEqualTo(JobStatus.ERROR);
      assertThat(failed.outcome().error()).isEqualTo("Video is longer than 90 seconds");
    }
  }

  @Nested
  class with_the_realistic_profile {
    @Test
    void timings_fall_within_5_to_90_seconds_and_repeat_for_the_same_seed() {
      for (long id = 100; id < 300; id++) {
        JobTiming t = TimingProfile.REALISTIC.timingFor(id, 7);
        Duration total = t.pending().plus(t.processing());
        assertThat(total).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(90));
        assertThat(TimingProfile.REALISTIC.timingFor(id, 7)).isEqualTo(t);
      }
      assertThat(TimingProfile.REALISTIC.timingFor(100, 7))
          .isNotEqualTo(TimingProfile.REALISTIC.timingFor(100, 8));
    }

    @Test
    void a_job_polled_late_may_skip_processing_but_never_goes_back() {
      JobStore jobs = store(TimingProfile.REALISTIC);
      long id = jobs.create("https://www.instagram.com/reel/ABC/", null).id();
      clock.advance(Duration.ofSeconds(91));
      assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.DONE);
      assertThat(jobs.peek(id).orElseThrow().finishesAt()).isBeforeOrEqualTo(clock.now());
    }
  }

  @Test
  void seeded_jobs_hold_their_state_and_new_ids_start_above_them() {
    JobStore jobs = store(TimingProfile.FAST);
    SeedJobs.addTo(jobs);
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(jobs.poll(43).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
      assertThat(jobs.poll(44).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
    }
    assertThat(jobs.poll(42).orElseThrow().status()).isEqualTo(JobStatus.DONE);
    assertThat(jobs.poll(45).orElseThrow().status()).isEqualTo(JobStatus.ERROR);
    assertThat(jobs.create("https://www.instagram.com/reel/X/", null).id())
        .isEqualTo(SeedJobs.FIRST_NEW_ID);
  }

  @Test
  void reset_returns_a_job_to_the_state_it_started_in() {
    JobStore jobs = store(TimingProfile.FAST);
    long id = jobs.create("https://www.instagram.com/reel/ABC/", null).id();
    jobs.poll(id);
    jobs.poll(id);
    jobs.poll(id);
    jobs.reset(id);
    assertThat(jobs.poll(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void the_wall_seconds_of_a_wait_are_rounded_up_and_at_least_one() {
    MockClock tenTimes = MockClock.scaled(10);
    assertThat(tenTimes.wallSecondsFor(Duration.ofSeconds(55))).isEqualTo(6);
    assertThat(tenTimes.wallSecondsFor(Duration.ofMillis(100))).isEqualTo(1);
    assertThat(MockClock.scaled(1).wallSecondsFor(Duration.ofMillis(12_001))).isEqualTo(13);
  }
}
