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
    JobStore second = open(file, later);
    assertThat(second.list(null)).containsExactlyElementsOf(before);
    assertThat(later.now()).isEqualTo(Instant.parse("2026-05-22T10:00:00Z"));
    assertThat(second.create("https://www.instagram.com/reel/Next/", "o").id())
        .isEqualTo(realistic.id() + 1);
    second.closeJournal();
  }

  @Test
  void an_sqlite_database_of_someone_else_is_refused_and_left_alone() throws Exception {
    Path file = dir.resolve("other.db");
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      db.createStatement().execute("CREATE TABLE notes (text TEXT)");
      db.createStatement().execute("INSERT INTO notes VALUES ('keep me')");
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThatThrownBy(() -> SqliteJournal.open(file)).isInstanceOf(StateFileException.class)
        .hasMessage("state file " + file
            + " is an SQLite database but not a reels-mock state file");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void a_missing_directory_is_a_clear_error() {
    Path file = dir.resolve("no/such/dir/jobs.db");
    assertThatThrownBy(() -> SqliteJournal.open(file)).isInstanceOf(StateFileException.class)
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

  private static JobStore open(Path file, MockClock clock) {
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store = new JobStore(clock, TimingProfile.REALISTIC, 7, 100, 1_000, journal);
    store.restore(journal.loaded());
    store.startJournal();
    return store;
  }
}
