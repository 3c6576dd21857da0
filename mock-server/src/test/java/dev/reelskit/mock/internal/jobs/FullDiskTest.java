package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.model.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file on a full disk, simulated deterministically with SQLite's {@code max_page_count}
 * (the same {@code SQLITE_FULL} and rollback a full disk gives, at a size the test controls; the
 * jar is tested on a real full file system in {@code StateFileJarIT}, where an update in place
 * fails too: here only a write that grows the file does). A job the disk cannot take is refused and
 * forgotten, every job acknowledged before stays, a stop on the full disk loses none of them, and
 * writes come back by themselves once there is room.
 */
class FullDiskTest {

  private static final String LONG = "x".repeat(900); // a page fills after a few jobs

  @TempDir Path dir;
  private final MockClock clock = MockClock.frozenAt(Instant.parse("2026-05-22T08:00:00Z"));

  private record Opened(SqliteJournal journal, JobStore store) {}

  private Opened open(Path file) {
    SqliteJournal journal = SqliteJournal.open(file);
    JobStore store = new JobStore(clock, TimingProfile.FAST, 7, 100, 1_000, journal);
    store.restore(journal.loaded());
    store.startJournal();
    return new Opened(journal, store);
  }

  private static String url(int i) {
    return "https://www.instagram.com/reel/F" + i + "/?pad=" + LONG;
  }

  /** Creates jobs until the full disk refuses one; the jobs acknowledged before it, by id. */
  private static Map<Long, String> fillUntilRefused(JobStore store, int from) {
    Map<Long, String> acknowledged = new LinkedHashMap<>();
    for (int i = from; i < from + 500; i++) {
      try {
        acknowledged.put(store.create(url(i), "o").id(), url(i));
      } catch (StateFileUnavailableException refused) {
        assertThat(refused.diskFull()).as(refused.getMessage()).isTrue();
        assertThat(refused).hasMessageContaining("the disk is full");
        return acknowledged;
      }
    }
    throw new AssertionError("the full disk took 500 jobs");
  }

  @Test
  void a_job_the_full_disk_cannot_take_is_refused_and_nowhere_to_be_found() throws Exception {
    Opened o = open(dir.resolve("jobs.db"));
    Map<Long, String> before = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      before.put(o.store().create(url(i), "o").id(), url(i));
    }
    o.journal().simulateFullDisk(true);
    Map<Long, String> during = fillUntilRefused(o.store(), 100);
    long refusedId = 100 + before.size() + during.size();

    assertThat(o.store().peek(refusedId)).as("the refused job").isEmpty();
    assertThat(o.store().size()).isEqualTo(before.size() + during.size());
    assertThat(o.journal().failing()).contains("the disk is full");
    o.journal().close();
  }

  @Test
  void a_stop_on_the_full_disk_keeps_every_acknowledged_job() throws Exception {
    Path file = dir.resolve("jobs.db");
    Opened o = open(file);
    Map<Long, String> acknowledged = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      acknowledged.put(o.store().create(url(i), "o").id(), url(i));
    }
    o.journal().simulateFullDisk(true);
    acknowledged.putAll(fillUntilRefused(o.store(), 100));
    acknowledged.keySet().forEach(id -> o.store().poll(id)); // changes that cannot be written
    o.store().closeJournal(); // the clean stop, still on the full disk

    Opened again = open(file);
    for (Map.Entry<Long, String> job : acknowledged.entrySet()) {
      assertThat(again.store().peek(job.getKey()))
          .as("acknowledged job %d", job.getKey())
          .hasValueSatisfying(j -> assertThat(j.url()).isEqualTo(job.getValue()));
    }
    again.journal().close();
  }

  @Test
  void writes_come_back_by_themselves_once_there_is_room() throws Exception {
    Path file = dir.resolve("jobs.db");
    Opened o = open(file);
    long first = o.store().create(url(0), "o").id();
    o.journal().simulateFullDisk(true);
    fillUntilRefused(o.store(), 100);
    // A status shown to no client yet but changed in memory: written once there is room.
    o.store().force(first, JobStatus.DONE);

    o.journal().simulateFullDisk(false);
    long after = o.store().create(url(999), "o").id(); // no restart: the next POST is taken
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (o.journal().failing() != null && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(o.journal().failing()).as("still failing").isNull();
    o.journal().close();

    Opened again = open(file);
    assertThat(again.store().peek(after)).isPresent();
    assertThat(again.store().peek(first).orElseThrow().status()).isEqualTo(JobStatus.DONE);
    again.journal().close();
  }
}
