package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A 202 means the job is on disk". The state file is the mock's alone (SQLite's exclusive locking
 * mode): no other writer can hold its lock while the mock runs, so a stalled commit cannot be
 * provoked from outside; {@link FullDiskTest} refuses commits deterministically instead (no job the
 * disk could not take is acknowledged) and {@code StateFileJarIT} kills the jar right after chosen
 * 202s. Here: another SQLite connection is kept out while the mock runs, every acknowledged job is
 * in the file once it stops, and the connection runs WAL with {@code synchronous=FULL}, read back
 * from that connection.
 */
class DurableAcknowledgementTest {

  @TempDir Path dir;

  @Test
  void no_other_writer_gets_the_file_and_every_202_is_in_it() throws Exception {
    Path file = dir.resolve("jobs.db");
    MockServerSettings settings =
        MockServerSettings.builder()
            .port(0)
            .profile(TimingProfile.FAST)
            .seedJobs(false)
            .jobStore(JobStoreSettings.defaults().withStateFile(file))
            .build();
    HttpClient client = HttpClient.newHttpClient();
    java.util.List<Long> acknowledged = new java.util.ArrayList<>();
    try (ReelsMock mock = ReelsMock.start(settings)) {
      for (int i = 0; i < 5; i++) {
        Answer answer =
            submit(client, mock, "https://www.instagram.com/reel/Durable" + i + "/").join();
        assertThat(answer.response.statusCode()).as(answer.response.body()).isEqualTo(202);
        acknowledged.add(answer.id);
      }
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement st = other.createStatement()) {
        st.execute("PRAGMA busy_timeout=0");
        assertThatThrownBy(() -> st.execute("BEGIN IMMEDIATE"))
            .as("another writer takes the running mock's state file")
            .isInstanceOf(java.sql.SQLException.class)
            .hasMessageContaining("locked");
      }
    }
    assertThat(idsOnDisk(file)).containsAll(acknowledged);
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
