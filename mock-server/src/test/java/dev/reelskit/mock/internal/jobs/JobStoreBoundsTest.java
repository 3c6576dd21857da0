package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.model.JobStatus;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-jobs}: a long day of use keeps the store, and the state file, at the cap. */
class JobStoreBoundsTest {

  static final int MAX = 500;
  private final MockClock clock = MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z"));

  @Test
  void a_long_day_of_jobs_keeps_the_store_at_its_cap() {
    JobStore store = new JobStore(clock, TimingProfile.REALISTIC, 42, 100, MAX, JobJournal.NONE);
    SeedJobs.addTo(store);
    for (int i = 0; i < 20_000; i++) { // a job every 2.6 s for 14 hours
      store.create("https://www.instagram.com/reel/Day" + i + "/", "ist_****0001:000000000001");
      clock.advance(Duration.ofMillis(2_600));
      assertThat(store.size()).isLessThanOrEqualTo(MAX);
      assertThat(store.evictionQueueSize()).isLessThanOrEqualTo(MAX);
    }
    assertThat(store.peek(42)).as("seeded jobs are never evicted").isPresent();
    assertThat(store.peek(100 + 20_000 - 1)).as("the newest job is kept").isPresent();
  }

  @Test
  void the_oldest_finished_jobs_go_first_and_an_unfinished_older_job_stays() {
    JobStore store = new JobStore(clock, TimingProfile.FAST, 42, 100, 3, JobJournal.NONE);
    Job unfinished = store.create("https://www.instagram.com/reel/Held/", "o");
    store.force(unfinished.id(), JobStatus.PROCESSING);
    Job a = store.create("https://www.instagram.com/reel/A/", "o");
    store.force(a.id(), JobStatus.DONE);
    Job b = store.create("https://www.instagram.com/reel/B/", "o");
    store.force(b.id(), JobStatus.DONE);
    store.create("https://www.instagram.com/reel/C/", "o");

    assertThat(store.peek(a.id())).as("oldest finished: evicted").isEmpty();
    assertThat(store.peek(unfinished.id())).as("older, but unfinished: kept").isPresent();
    assertThat(store.peek(b.id())).isPresent();
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void with_a_state_file_the_file_keeps_no_more_jobs_than_the_cap(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("jobs.db");
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store = new JobStore(clock, TimingProfile.FAST, 42, 100, MAX, journal);
    store.restore(journal.loaded());
    store.startJournal();
    for (int i = 0; i < 3_000; i++) {
      Job job = store.create("https://www.instagram.com/reel/F" + i + "/", "o");
      store.force(job.id(), JobStatus.DONE);
    }
    store.closeJournal();
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs =
            db.createStatement().executeQuery("SELECT count(*), min(id) FROM reels_jobs")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(MAX);
      assertThat(rs.getLong(2)).isEqualTo(100 + 3_000 - MAX);
    }
    SqliteJournal reopened = SqliteJournal.open(file);
    assertThat(reopened.loaded().nextId()).isEqualTo(3_100);
    reopened.close();
  }
}
