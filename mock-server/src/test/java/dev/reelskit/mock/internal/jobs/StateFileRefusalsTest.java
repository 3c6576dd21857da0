package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every state file this mock cannot keep its promise on is refused at the start, with the file
 * named, the reason said, within seconds, and the file left exactly as it was. Before, these
 * answered 500 to every POST (unwritable, an extra NOT NULL column, an id counter at {@code
 * Long.MAX_VALUE}) or hung the start (a FIFO), and a second mock on the same file ran beside the
 * first, both handing out the same ids. (An unwritable file is refused too: StateFileJarIT puts one
 * on a read-only file system, which stops root as well as anyone.)
 */
class StateFileRefusalsTest {

  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  @TempDir Path dir;

  /** A state file as a mock leaves it: a few jobs, closed cleanly. */
  private Path stateFile() {
    Path file = dir.resolve("jobs.db");
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store =
        new JobStore(
            MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z")),
            TimingProfile.FAST,
            7,
            100,
            1_000,
            journal);
    store.restore(journal.loaded());
    store.startJournal();
    for (int i = 0; i < 3; i++) {
      store.create("https://www.instagram.com/reel/R" + i + "/", "o");
    }
    store.closeJournal();
    return file;
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = db.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** Opening {@code file} is refused promptly with {@code reason}, and the file is untouched. */
  private static void assertRefused(Path file, String reason) throws Exception {
    byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    assertTimeoutPreemptively(
        PROMPTLY,
        () ->
            assertThatThrownBy(() -> SqliteJournal.open(file))
                .isInstanceOf(StateFileException.class)
                .hasMessageStartingWith("state file " + file)
                .hasMessageContaining(reason));
    if (before != null) {
      assertThat(Files.readAllBytes(file)).as("the file is untouched").isEqualTo(before);
    }
  }

  @Test
  void a_second_mock_on_the_same_file_is_refused_while_the_first_runs() throws Exception {
    Path file = stateFile();
    SqliteJournal first = SqliteJournal.open(file);
    try {
      assertTimeoutPreemptively(
          PROMPTLY,
          () ->
              assertThatThrownBy(() -> SqliteJournal.open(file))
                  .isInstanceOf(StateFileException.class)
                  .hasMessage(
                      "state file "
                          + file
                          + " is in use by another process (another mock on the same file?);"
                          + " stop it or give this mock another --state-file"));
    } finally {
      first.close();
    }
    SqliteJournal.open(file).close(); // free again once the first has stopped
  }

  @Test
  void a_fifo_in_its_place_is_refused_at_once_instead_of_hanging_the_start() throws Exception {
    Path fifo = mkfifo(dir.resolve("jobs.db"));
    assertRefused(fifo, "is not a regular file (a FIFO, socket or device)");
  }

  @Test
  void a_fifo_in_place_of_its_write_ahead_log_is_refused() throws Exception {
    Path file = stateFile();
    mkfifo(dir.resolve("jobs.db-wal"));
    assertRefused(file, "jobs.db-wal beside it is not a regular file");
  }

  @Test
  void a_directory_in_its_place_is_refused() throws Exception {
    assertRefused(Files.createDirectory(dir.resolve("jobs.db")), "is a directory");
  }

  @Test
  void a_link_to_nothing_is_refused() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("jobs.db"), dir.resolve("gone.db"));
    assertRefused(link, "is a link to nothing");
    assertThat(dir.resolve("gone.db")).doesNotExist();
  }

  @Test
  void an_extra_not_null_column_is_refused() throws Exception {
    Path file = stateFile();
    sql(
        file,
        "CREATE TABLE t AS SELECT * FROM reels_jobs",
        "DROP TABLE reels_jobs",
        JobRows.CREATE_TABLE.replace(
            "polls INTEGER NOT NULL)", "polls INTEGER NOT NULL," + " tenant TEXT NOT NULL)"),
        "INSERT INTO reels_jobs SELECT *, 'x' FROM t",
        "DROP TABLE t");
    assertRefused(file, "has a schema this mock does not write (changed by hand?): unexpected");
  }

  @Test
  void a_trigger_that_would_refuse_every_write_is_refused() throws Exception {
    Path file = stateFile();
    sql(file, "CREATE TRIGGER no BEFORE INSERT ON reels_jobs BEGIN SELECT RAISE(ABORT, 'no'); END");
    assertRefused(file, "unexpected trigger no on reels_jobs");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "next_id, 9223372036854775807, has its id counter at 9223372036854775807, outside 0..",
    "next_id, -5, has its id counter at -5",
    "next_id, twelve, has an id counter that is not a number",
    "mock_now, +1000000000-12-31T23:59:59Z, has mock_now '+1000000000-12-31T23:59:59Z'",
    "wall_at, yesterday, has wall_at 'yesterday'",
    "format, reels-mock-state-2, is of format reels-mock-state-2, this mock reads"
        + " reels-mock-state-1"
  })
  void a_meta_value_this_mock_cannot_go_on_from_is_refused(String key, String value, String why)
      throws Exception {
    Path file = stateFile();
    sql(
        file,
        "INSERT OR REPLACE INTO reels_meta (key, value) VALUES ('" + key + "', '" + value + "')");
    assertRefused(file, why);
  }

  @Test
  void a_job_id_beyond_what_clients_read_exactly_is_refused() throws Exception {
    Path file = stateFile();
    sql(file, "UPDATE reels_jobs SET id = 9223372036854775807 WHERE id = 101");
    assertRefused(file, "holds a job this mock cannot read: job id 9223372036854775807 is outside");
  }

  private static Path mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).as("mkfifo").isZero();
    return path;
  }
}
