package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: what goes in comes back, and a file that is not one is refused untouched. */
class SqliteJournalTest {

  @TempDir Path dir;
  private final MockClock clock = MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z"));

  @Test
  void every_field_of_every_job_comes_back_and_the_clock_resumes() {
    Path file = dir.resolve("jobs.db");
    JobStore first = open(file, MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z")));
    SeedJobs.addTo(first);
    first.force(43, JobStatus.PROCESSING);
    Job realistic = first.create("https://www.instagram.com/reel/ERRORlong1/", "ist_****0001:a");
    first.poll(realistic.id());
    first.advanceClock(Duration.ofHours(2));
    List<Job> before = first.list(null);
    first.closeJournal();

    MockClock later = MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z"));
    // as JobStores.open does: the seeded jobs first (those never changed are not in the file),
    // then the file's jobs over them
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore second = new JobStore(later, TimingProfile.REALISTIC, 7, 100, 1_000, journal);
    SeedJobs.addTo(second);
    second.restore(journal.loaded());
    second.startJournal();
    assertThat(second.list(null)).containsExactlyElementsOf(before);
    assertThat(later.now()).isEqualTo(Instant.parse("2026-05-22T10:00:00Z"));
    assertThat(second.create("https://www.instagram.com/reel/Next/", "o").id())
        .isEqualTo(realistic.id() + 1);
    second.closeJournal();
  }

  /**
   * What the disk holds while the store runs (the file and its write-ahead log, copied: the mock's
   * lock keeps any second reader off the file itself) is what survives a kill -9.
   */
  @Test
  void a_status_a_poll_showed_is_on_disk_before_the_poll_returns() {
    Path file = dir.resolve("jobs.db");
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store = new JobStore(clock, TimingProfile.FAST, 7, 100, 1_000, journal);
    store.restore(journal.loaded());
    store.startJournal();
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(store.create("https://www.instagram.com/reel/P" + i + "/", "o").id());
    }
    for (long id : ids) {
      store.poll(id); // pending
      store.poll(id); // processing
      if (id % 2 == 0) {
        store.poll(id); // done
      }
    }
    SqliteJournal crashed = SqliteJournal.open(crashSnapshot(file));
    try {
      for (Job job : crashed.loaded().jobs()) {
        assertThat(job.status())
            .as("job %d", job.id())
            .isEqualTo(job.id() % 2 == 0 ? JobStatus.DONE : JobStatus.PROCESSING);
      }
      assertThat(crashed.loaded().jobs()).hasSize(20);
    } finally {
      crashed.close();
      journal.close();
    }
  }

  @Test
  void a_job_timed_by_the_clock_alone_shows_the_same_status_from_disk_without_waiting() {
    Path file = dir.resolve("jobs.db");
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store = new JobStore(clock, TimingProfile.REALISTIC, 7, 100, 1_000, journal);
    store.restore(journal.loaded());
    store.startJournal();
    List<Job> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      store.create("https://www.instagram.com/reel/R" + i + "/", "o");
      store.advanceClock(Duration.ofSeconds(3)); // as the admin API does: the file keeps the clock
    }
    store.list(null).forEach(job -> seen.add(store.poll(job.id()).orElseThrow()));
    SqliteJournal crashed = SqliteJournal.open(crashSnapshot(file));
    try {
      MockClock restarted = MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z"));
      JobStore again =
          new JobStore(restarted, TimingProfile.REALISTIC, 7, 100, 1_000, JobJournal.NONE);
      again.restore(crashed.loaded());
      assertThat(restarted.now()).isAfterOrEqualTo(clock.now());
      for (Job job : seen) {
        assertThat(again.peek(job.id()).orElseThrow().status())
            .as("job %d", job.id())
            .isEqualTo(job.status());
      }
      assertThat(seen)
          .extracting(Job::status)
          .contains(JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.DONE);
    } finally {
      crashed.close();
      journal.close();
    }
  }

  @Test
  void an_sqlite_database_of_someone_else_is_refused_and_left_alone() throws Exception {
    Path file = dir.resolve("other.db");
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      db.createStatement().execute("CREATE TABLE notes (text TEXT)");
      db.createStatement().execute("INSERT INTO notes VALUES ('keep me')");
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThatThrownBy(() -> SqliteJournal.open(file))
        .isInstanceOf(StateFileException.class)
        .hasMessage(
            "state file " + file + " is an SQLite database but not a reels-mock state file");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void a_missing_directory_is_a_clear_error() {
    Path file = dir.resolve("no/such/dir/jobs.db");
    assertThatThrownBy(() -> SqliteJournal.open(file))
        .isInstanceOf(StateFileException.class)
        .hasMessage("state file " + file + ": its directory does not exist");
    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void an_empty_file_becomes_a_new_state_file() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.db"));
    JobStore store = open(file, clock);
    long id = store.create("https://www.instagram.com/reel/X/", "o").id();
    store.closeJournal();
    assertThat(open(file, clock).peek(id)).isPresent();
  }

  /** The file and its write-ahead log as a SIGKILL would leave them, copied elsewhere. */
  private Path crashSnapshot(Path file) {
    try {
      Path copy = Files.createTempDirectory(dir, "crash").resolve(file.getFileName());
      Files.copy(file, copy);
      Path wal = file.resolveSibling(file.getFileName() + "-wal");
      if (Files.exists(wal)) {
        Files.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
      }
      return copy;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JobStore open(Path file, MockClock clock) {
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store = new JobStore(clock, TimingProfile.REALISTIC, 7, 100, 1_000, journal);
    store.restore(journal.loaded());
    store.startJournal();
    return store;
  }
}
