package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrentPollingTest {

  @RegisterExtension
  static ReelsMockExtension mock = ReelsMockExtension.builder().frozenClock().build();

  @Test
  void many_threads_polling_the_same_and_different_jobs_over_http_see_monotonic_states()
      throws InterruptedException {
    Http http = new Http(mock.baseUrl());
    String token = mock.token();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(
          http.submit(
              token, "https://www.instagram.com/reel/" + (i == 0 ? "ERRORx" : "C" + i) + "/"));
    }
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<JobStatus> shown = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    for (int t = 0; t < 6; t++) {
      pool.execute(
          () -> {
            JobStatus[] last = new JobStatus[ids.size()];
            for (int i = 0; i < 25; i++) {
              for (int j = 0; j < ids.size(); j++) {
                JobStatus now =
                    JobStatus.fromValue(http.poll(token, ids.get(j)).json().get("status").asText());
                shown.add(now);
                if (last[j] != null && !JobLifecycle.canFollow(last[j], now)) {
                  violations.add("job " + ids.get(j) + ": " + last[j] + " -> " + now);
                }
                last[j] = now;
              }
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    assertThat(violations).isEmpty();
    // fast profile: each job is shown pending once and processing once, across all threads
    assertThat(shown).filteredOn(s -> s == JobStatus.PENDING).hasSize(ids.size());
    assertThat(shown).filteredOn(s -> s == JobStatus.PROCESSING).hasSize(ids.size());
    assertThat(shown).hasSize(6 * 25 * ids.size());
    assertThat(mock.mock().statusOf(ids.get(0))).contains(JobStatus.ERROR);
  }
}
