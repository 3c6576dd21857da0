package dev.reelskit.mock.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing a peer sends grows the mock's memory: 100,000 requests, each with a name the mock has
 * never seen (a {@code /docs/} file, a token under the rate limit, an unknown path), leave the heap
 * after GC where it was. Before the fix, the docs cache kept one entry per name and the rate
 * limiter one budget per token.
 */
@Tag("slow")
class JunkInputHeapTest {

  private static final int WARM_UP = 20_000; // fills the traffic record (10,000) first
  private static final int JUNK = 100_000;
  private static final long MAX_GROWTH = 4L * 1024 * 1024;

  @Test
  void a_hundred_thousand_distinct_junk_names_leave_the_heap_flat() throws Exception {
    try (ReelsMock mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.FAST)
                .rateLimit(true)
                .limits(1_000_000, 3)
                .build())) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      send(client, mock.baseUrl(), 0, WARM_UP);
      long before = heapAfterGc();
      send(client, mock.baseUrl(), WARM_UP, JUNK);
      long after = heapAfterGc();

      long growth = after - before;
      System.out.printf(
          "heap after GC: %.1f MB before, %.1f MB after %,d junk requests"
              + " (growth %+.2f MB, %.1f bytes per request)%n",
          before / 1e6, after / 1e6, JUNK, growth / 1e6, (double) growth / JUNK);
      assertThat(growth)
          .as("heap growth in bytes over %,d junk requests", JUNK)
          .isLessThan(MAX_GROWTH);
    }
  }

  /** Request i: a never-seen docs file, a never-seen token, or a never-seen path, in turn. */
  private static void send(HttpClient client, String base, int from, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger next = new AtomicInteger(from);
    int end = from + count;
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                  HttpRequest.Builder r =
                      switch (i % 3) {
                        case 0 ->
                            HttpRequest.newBuilder(URI.create(base + "/docs/junk" + i + ".js"));
                        case 1 ->
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/reels/42"))
                                .header("Authorization", "Bearer ist_junk" + i);
                        default ->
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/junk" + i + "/x"))
                                .header("Authorization", "Bearer ist_junk" + i);
                      };
                  HttpResponse<Void> response =
                      client.send(
                          r.timeout(Duration.ofSeconds(30)).build(),
                          HttpResponse.BodyHandlers.discarding());
                  if (response.statusCode() >= 500) {
                    throw new AssertionError("request " + i + " answered " + response.statusCode());
                  }
                }
                return null;
              }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    pool.shutdown();
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0;
        i < 5;
        i++) { // the smallest of several full GCs: other threads' garbage settles
      System.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
