package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.JobStoreSettings;
import dev.reelskit.mock.settings.MockServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A 202 means the job is on disk", made deterministic: the test holds the state file's write lock
 * (as another SQLite writer would), so the mock cannot commit. A mock that answered before its
 * commit would answer 202 now; a correct one answers nothing yet (or an error), and its 202 comes
 * only after the lock is released, with the job in the file. Also: the state file's connection runs
 * WAL with {@code synchronous=FULL}, read back from that connection.
 */
class DurableAcknowledgementTest {

  private static final Duration LOCK_HELD = Duration.ofSeconds(1);

  @TempDir Path dir;

  @Test
  void no_202_arrives_while_the_job_cannot_be_committed_and_a_202_means_it_is_on_disk()
      throws Exception {
    Path file = dir.resolve("jobs.db");
    MockServerSettings settings =
        MockServerSettings.builder()
            .port(0)
            .profile(TimingProfile.FAST)
            .seedJobs(false)
            .jobStore(JobStoreSettings.defaults().withStateFile(file))
            .build();
    HttpClient client = HttpClient.newHttpClient();
    try (ReelsMock mock = ReelsMock.start(settings)) {
      long first = submit(client, mock, "https://www.instagram.com/reel/BeforeLock1/").join().id;
      assertThat(first).isPositive();

      HttpResponse<String> whileLocked;
      long released;
      CompletableFuture<Answer> answer;
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        try (Statement st = other.createStatement()) {
          st.execute("BEGIN IMMEDIATE"); // the write lock: the mock's commit must wait
        }
        answer = submit(client, mock, "https://www.instagram.com/reel/UnderLock1/");
        try {
          Answer early = answer.get(LOCK_HELD.toMillis(), TimeUnit.MILLISECONDS);
          whileLocked = early.response;
        } catch (TimeoutException expected) {
          whileLocked = null;
        }
        try (Statement st = other.createStatement()) {
          st.execute("ROLLBACK");
        }
        released = System.nanoTime();
      }
      if (whileLocked != null) {
        assertThat(whileLocked.statusCode())
            .as("an answer while the state file could not be written: %s", whileLocked.body())
            .isNotEqualTo(202);
      }
      Answer after = answer.get(30, TimeUnit.SECONDS);
      if (after.response.statusCode() == 202) {
        assertThat(after.arrivedNanos)
            .as("the 202 came after the lock was released")
            .isGreaterThan(released);
        assertThat(idsOnDisk(file)).contains(first, after.id);
      }
    }
  }

  @Test
  void the_state_file_connection_runs_wal_with_synchronous_full() {
    SqliteJournal journal = SqliteJournal.open(dir.resolve("pragmas.db"));
    try {
      assertThat(journal.pragma("journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(journal.pragma("synchronous")).as("2 is FULL").isEqualTo("2");
    } finally {
      journal.close();
    }
  }

  private record Answer(HttpResponse<String> response, long id, long arrivedNanos) {}

  private static CompletableFuture<Answer> submit(HttpClient client, ReelsMock mock, String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/reels/analyze"))
            .header("Authorization", "Bearer " + ReelsMock.DEFAULT_TEST_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r ->
                new Answer(
                    r,
                    r.statusCode() == 202
                        ? Long.parseLong(r.body().replaceAll("\\D*(\\d+).*", "$1"))
                        : -1,
                    System.nanoTime()));
  }

  private static java.util.List<Long> idsOnDisk(Path file) throws Exception {
    java.util.List<Long> ids = new java.util.ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM reels_jobs")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
