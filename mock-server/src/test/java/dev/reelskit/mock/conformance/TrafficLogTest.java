package dev.reelskit.mock.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

  private static TrafficEntry entry(long seq) {
    return new TrafficEntry(
        seq,
        Instant.EPOCH.plusSeconds(seq),
        "<none>",
        "GET",
        "/x",
        null,
        null,
        404,
        null,
        null,
        null);
  }

  @Test
  void keeps_entries_in_arrival_order() {
    TrafficLog log = new TrafficLog(5);
    LongStream.rangeClosed(1, 3).forEach(i -> log.record(entry(i)));

    assertThat(log.snapshot()).extracting(TrafficEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(log.dropped()).isZero();
    assertThat(log.nextSeq()).isEqualTo(4);
  }

  @Test
  void drops_the_oldest_entries_when_full_and_counts_them() {
    TrafficLog log = new TrafficLog(3);
    LongStream.rangeClosed(1, 7).forEach(i -> log.record(entry(i)));

    assertThat(log.snapshot()).extracting(TrafficEntry::seq).containsExactly(5L, 6L, 7L);
    assertThat(log.dropped()).isEqualTo(4);
  }

  @Test
  void clear_forgets_everything() {
    TrafficLog log = new TrafficLog(3);
    LongStream.rangeClosed(1, 4).forEach(i -> log.record(entry(i)));
    log.clear();

    assertThat(log.snapshot()).isEmpty();
    assertThat(log.dropped()).isZero();
    assertThat(log.nextSeq()).isEqualTo(1);
  }

  @Test
  void loses_no_entry_under_concurrent_writers() throws InterruptedException {
    TrafficLog log = new TrafficLog(100_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      pool.execute(
          () -> {
            awaitQuietly(start);
            for (int i = 0; i < 5_000; i++) {
              log.record(entry(i));
            }
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(log.snapshot()).hasSize(40_000).doesNotContainNull();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
