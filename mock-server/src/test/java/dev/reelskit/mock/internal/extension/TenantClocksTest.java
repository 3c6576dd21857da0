package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.JobStoreSettings;
import dev.reelskit.mock.settings.MockServerSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-tenant time over HTTP (issue 22): three tenants with 100 jobs each on the {@code realistic}
 * profile (5-90 s per job) and a frozen mock clock. Tenants are either named (made through the
 * admin API, each with its minted token) or, with {@code --isolate-tokens}, tokens.
 */
class TenantClocksTest {

  static final int JOBS = 100;
  static final List<String> STATUS_ORDER = List.of("pending", "processing", "done", "error");

  private ReelsMock mock;
  private Http http;

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.close();
    }
  }

  /** The tenants' tokens, A first; named tenants are created through the admin API. */
  private List<String> start(String kind) {
    boolean tokens = kind.equals("tokens");
    mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.REALISTIC)
                .jobStore(JobStoreSettings.defaults().withIsolatedTokens(tokens))
                .build(),
            MockClock.frozenAt(Instant.parse("2026-05-22T10:00:00Z")));
    http = new Http(mock.baseUrl());
    if (tokens) {
      return List.of(
          "ist_tenantAtoken0000000000000000A",
          "ist_tenantBtoken0000000000000000B",
          "ist_tenantCtoken0000000000000000C");
    }
    List<String> minted = new ArrayList<>();
    for (String name : List.of("A", "B", "C")) {
      Http.Response r = http.post("/__admin/reels/tenants", "{\"name\":\"" + name + "\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      minted.add(r.json().get("token").asText());
    }
    return minted;
  }

  private String tenantOf(String kind, String token, long job) {
    return kind.equals("tokens")
        ? http.get("/__admin/reels/jobs/" + job).json().get("tenant").asText()
        : List.of("A", "B", "C").get(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"named", "tokens"})
  void advancing_one_tenants_clock_90_s_finishes_all_its_jobs_and_changes_none_of_the_others(
      String kind) {
    List<String> tokens = start(kind);
    Map<String, List<Long>> jobs = new HashMap<>();
    for (String token : tokens) {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < JOBS; i++) {
        String code = i % 10 == 0 ? "ERROR" + i : "Reel" + i;
        ids.add(http.submit(token, "https://www.instagram.com/reel/" + code + "/"));
      }
      jobs.put(token, ids);
    }
    String a = tokens.get(0);
    String tenantA = tenantOf(kind, a, jobs.get(a).get(0));
    Map<Long, String> othersBefore = rows(tokens.subList(1, 3), jobs);

    Http.Response advanced =
        http.post("/__admin/reels/tenants/" + tenantA + "/clock/advance", "{\"seconds\": 90}");

    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    for (long id : jobs.get(a)) {
      JsonNode job = http.poll(a, id).json();
      assertThat(job.get("status").asText()).as("A's job %s, 90 s on", id).isIn("done", "error");
    }
    Map<Long, String> othersAfter = rows(tokens.subList(1, 3), jobs);
    assertThat(othersAfter).as("B's and C's jobs, exactly as before").isEqualTo(othersBefore);
    for (String other : tokens.subList(1, 3)) {
      for (long id : jobs.get(other)) {
        assertThat(http.poll(other, id).json().get("status").asText())
            .as("a job of another tenant, polled")
            .isEqualTo("pending");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"named", "tokens"})
  void eight_threads_advancing_and_polling_see_no_lifecycle_violation(String kind)
      throws Exception {
    List<String> tokens = start(kind);
    List<long[]> all = new ArrayList<>(); // {token index, job id}
    List<String> tenantIds = new ArrayList<>();
    for (int t = 0; t < tokens.size(); t++) {
      for (int i = 0; i < 20; i++) {
        String code = i % 4 == 0 ? "ERROR" + i : "Reel" + i;
        all.add(
            new long[] {t, http.submit(tokens.get(t), "https://www.instagram.com/reel/" + code)});
      }
      tenantIds.add(
          kind.equals("tokens")
              ? http.get("/__admin/reels/jobs/" + all.get(all.size() - 1)[1])
                  .json()
                  .get("tenant")
                  .asText()
              : List.of("A", "B", "C").get(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicInteger polls = new AtomicInteger();
    for (int thread = 0; thread < 8; thread++) {
      int me = thread;
      pool.execute(
          () -> {
            await(go);
            Map<Long, String> lastSeen = new HashMap<>();
            for (int round = 0; round < 60; round++) {
              if (me < 2) { // two threads move tenants' clocks, one tenant at a time
                String tenant = tenantIds.get((me + round) % tenantIds.size());
                http.post(
                    "/__admin/reels/tenants/" + tenant + "/clock/advance", "{\"seconds\": 1.5}");
              }
              for (int k = 0; k < 8; k++) {
                long[] job = all.get((me * 31 + round * 7 + k * 13) % all.size());
                Http.Response r = http.poll(tokens.get((int) job[0]), job[1]);
                polls.incrementAndGet();
                if (r.status() != 200) {
                  violations.add("job " + job[1] + " answered " + r.status());
                  continue;
                }
                String status = r.json().get("status").asText();
                String before = lastSeen.put(job[1], status);
                if (before != null && regresses(before, status)) {
                  violations.add("job " + job[1] + ": " + before + " then " + status);
                }
              }
            }
          });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    assertThat(violations).as("lifecycle violations in %s polls", polls.get()).isEmpty();
    assertThat(polls.get()).isEqualTo(8 * 60 * 8);
    // Each tenant was moved 2 x 60 / 3 times by 1.5 s: 60 s; every job is where its timing says.
    for (long[] job : all) {
      JsonNode row = http.get("/__admin/reels/jobs/" + job[1]).json();
      assertThat(row.get("tenant").asText()).isEqualTo(tenantIds.get((int) job[0]));
    }
    for (String tenant : tenantIds) {
      JsonNode t = http.get("/__admin/reels/tenants/" + tenant).json();
      assertThat(t.get("offset_seconds").asDouble()).isEqualTo(60.0);
    }
  }

  /** A status seen after another that the lifecycle cannot reach from it (or a changed ending). */
  private static boolean regresses(String before, String after) {
    if (before.equals(after)) {
      return false;
    }
    boolean terminalBefore = before.equals("done") || before.equals("error");
    return terminalBefore || STATUS_ORDER.indexOf(after) < STATUS_ORDER.indexOf(before);
  }

  /**
   * Each job of these tokens as the admin API lists it now, without counting a poll: status, error,
   * age on its tenant's clock, pin; one listing per tenant.
   */
  private Map<Long, String> rows(List<String> tokens, Map<String, List<Long>> jobs) {
    Map<Long, String> out = new HashMap<>();
    for (String token : tokens) {
      String tenant =
          http.get("/__admin/reels/jobs/" + jobs.get(token).get(0)).json().get("tenant").asText();
      for (JsonNode row :
          http.get("/__admin/reels/jobs?limit=1000&tenant=" + tenant).json().get("jobs")) {
        out.put(row.get("id").asLong(), row.toString());
      }
    }
    assertThat(out).hasSize(tokens.size() * JOBS);
    return out;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
