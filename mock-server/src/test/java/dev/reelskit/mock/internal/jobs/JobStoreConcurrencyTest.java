package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobStoreConcurrencyTest {

  private static final int THREADS = 8;
  private static final int POLLS = 400;

  @Test
  void concurrent_polls_of_the_same_job_see_every_state_once_in_order_and_terminal_never_changes()
      throws InterruptedException {
    JobStore jobs = new JobStore(MockClock.frozenAt(Instant.EPOCH), TimingProfile.FAST, 1, 100);
    long id = jobs.create("https://www.instagram.com/reel/ABC/", null).id();
    List<List<Job>> seen = pollConcurrently(jobs, List.of(id), null);

    List<Job> all = seen.stream().flatMap(List::stream).toList();
    // FAST: exactly one poll is shown pending and one processing, whatever the interleaving.
    assertThat(all).filteredOn(j -> j.status() == JobStatus.PENDING).hasSize(1);
    assertThat(all).filteredOn(j -> j.status() == JobStatus.PROCESSING).hasSize(1);
    assertThat(all.stream().filter(j -> j.status() == JobStatus.DONE).distinct()).hasSize(1);
    seen.forEach(JobStoreConcurrencyTest::assertMonotonic);
  }

  @Test
  void concurrent_polls_of_different_jobs_while_the_clock_moves_stay_monotonic()
      throws InterruptedException {
    MockClock clock = MockClock.frozenAt(Instant.EPOCH);
    JobStore jobs = new JobStore(clock, TimingProfile.REALISTIC, 3, 100);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(
          jobs.create(
                  "https://www.instagram.com/reel/" + (i % 3 == 0 ? "ERROR" : "A") + i + "/", null)
              .id());
    }
    List<List<Job>> seen = pollConcurrently(jobs, ids, clock);

    seen.forEach(JobStoreConcurrencyTest::assertMonotonic);
    ids.forEach(
        id ->
            assertThat(JobLifecycle.isTerminal(jobs.peek(id).orElseThrow().status()))
                .as("job %s finished after 100 s", id)
                .isTrue());
  }

  /** Each thread polls every job POLLS times; one thread also moves the clock when given one. */
  private static List<List<Job>> pollConcurrently(JobStore jobs, List<Long> ids, MockClock clock)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<List<Job>> perThreadAndJob = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      pool.execute(
          () -> {
            await(start);
            List<List<Job>> mine = new ArrayList<>();
            ids.forEach(id -> mine.add(new ArrayList<>()));
            for (int i = 0; i < POLLS; i++) {
              if (clock != null && thread == 0) {
                clock.advance(Duration.ofMillis(250));
              }
              for (int j = 0; j < ids.size(); j++) {
                mine.get(j).add(jobs.poll(ids.get(j)).orElseThrow());
              }
            }
            perThreadAndJob.addAll(mine);
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    return new ArrayList<>(perThreadAndJob);
  }

  private static void assertMonotonic(List<Job> observed) {
    for (int i = 1; i < observed.size(); i++) {
      Job before = observed.get(i - 1);
      Job after = observed.get(i);
      assertThat(JobLifecycle.canFollow(before.status(), after.status()))
          .as("job %d went %s -> %s", after.id(), before.status(), after.status())
          .isTrue();
      if (JobLifecycle.isTerminal(before.status())) {
        assertThat(after).as("terminal job %d changed", after.id()).isEqualTo(before);
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
