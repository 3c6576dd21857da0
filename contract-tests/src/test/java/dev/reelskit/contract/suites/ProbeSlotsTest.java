package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Probes use only the slots the polls do not need" (RULES.md, "How a run works"), judged by a
 * server on a virtual clock, so the outcome does not depend on how fast the machine is: the
 * scheduler runs its real plan against a server that keeps the suite's sliding-window budget (a
 * request holds its slot from its answer for one window) and answers every job {@code pending},
 * {@code processing}, then {@code done} on its first, second and third read. At every probe, the
 * requests within one window (the probe included) must leave a slot for each job still followed.
 * Without the scheduler's check of free slots the probes fill the window and this fails.
 */
class ProbeSlotsTest {

  private static final int PROBES = 17;

  @ParameterizedTest(name = "{0} jobs followed at once, {1} requests per 600 ms")
  @CsvSource({"1, 6", "3, 14"})
  void every_probe_leaves_a_free_slot_for_each_followed_job(int maxUnfinished, int requests) {
    RateLimit budget = new RateLimit(requests, Duration.ofMillis(600));
    ContractTestSettings settings =
        ContractTestSettings.builder("http://virtual.invalid", "ist_virtualServerToken000000000")
            .pollInterval(Duration.ofMillis(150))
            .jobTimeout(Duration.ofSeconds(30))
            .rateLimit(budget)
            .maxUnfinishedJobs(maxUnfinished)
            .build();
    VirtualServer server = new VirtualServer(budget);
    List<JobRecord> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jobs.add(new JobRecord("job " + i, "https://www.instagram.com/reel/V" + i + "/"));
    }
    List<Runnable> probes = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      probes.add(server::probe);
    }

    new PollingScheduler(settings, server).run(jobs, probes);

    List<Sent> sent = server.sent;
    assertThat(sent).filteredOn(s -> s.kind.equals("probe")).hasSize(PROBES);
    assertThat(jobs).allSatisfy(j -> assertThat(j.firstTerminal()).isNotNegative());
    int judged = 0;
    for (Sent probe : sent) {
      if (!probe.kind.equals("probe")) {
        continue;
      }
      long followed =
          server.created.entrySet().stream()
              .filter(e -> e.getValue() < probe.at && server.lastRead.get(e.getKey()) > probe.at)
              .count();
      if (followed == 0) {
        continue;
      }
      long inWindow =
          sent.stream()
              .filter(s -> s != probe && s.answeredAt > probe.at - budget.per().toMillis())
              .filter(s -> s.answeredAt <= probe.at)
              .count();
      assertThat(inWindow + 1)
          .as(
              "requests in the window up to the probe at %d ms, %d jobs followed",
              probe.at, followed)
          .isLessThanOrEqualTo(budget.requests() - followed);
      judged++;
    }
    assertThat(judged).as("probes sent while jobs were followed").isGreaterThanOrEqualTo(3);
  }

  /** One request as the virtual server saw it: when it arrived and when its answer left. */
  private record Sent(String kind, long at, long answeredAt) {}

  /** Answers in 5 virtual ms each and holds the suite to its budget, as {@code ReelsHttp} does. */
  private static final class VirtualServer implements PollingScheduler.Requests {
    private final RateLimit budget;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Long> created = new HashMap<>();
    private final Map<String, Long> lastRead = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();
    private long now;

    VirtualServer(RateLimit budget) {
      this.budget = budget;
    }

    /** Waits (on the virtual clock) for a slot, as the suite's budget does. */
    private long acquire() {
      long window = budget.per().toMillis();
      while (true) {
        List<Long> held =
            sent.stream().map(Sent::answeredAt).filter(t -> t > now - window).sorted().toList();
        if (held.size() < budget.requests()) {
          return now;
        }
        now = held.get(0) + window;
      }
    }

    private Exchange answer(String kind, String method, String path, int status, String body) {
      long at = acquire();
      now += 5;
      sent.add(new Sent(kind, at, now));
      return new Exchange(
          kind,
          Auth.VALID,
          method,
          "http://virtual.invalid" + path,
          List.of(),
          null,
          status,
          "application/json",
          null,
          body,
          at,
          List.of(),
          null,
          null);
    }

    void probe() {
      answer("probe", "GET", "/api/v1/reels/9007199254740991", 404, "{\"message\":\"not found\"}");
    }

    @Override
    public Exchange submit(String label, Auth auth, String jsonBody) {
      String id = String.valueOf(1000 + created.size());
      Exchange e =
          answer(
              "submit",
              "POST",
              "/api/v1/reels/analyze",
              202,
              "{\"id\":" + id + ",\"status\":\"pending\"}");
      created.put(id, e.atMillis());
      return e;
    }

    @Override
    public Exchange read(String label, Auth auth, String jobId) {
      int n = reads.merge(jobId, 1, Integer::sum);
      String status = n == 1 ? "pending" : n == 2 ? "processing" : "done";
      Exchange e =
          answer(
              "poll",
              "GET",
              "/api/v1/reels/" + jobId,
              200,
              "{\"id\":" + jobId + ",\"status\":\"" + status + "\"}");
      lastRead.put(jobId, e.atMillis());
      return e;
    }

    @Override
    public int freeSlots() {
      long window = budget.per().toMillis();
      long held = sent.stream().filter(s -> s.answeredAt > now - window).count();
      return (int) Math.max(0, budget.requests() - held);
    }

    @Override
    public long elapsedMillis() {
      return now;
    }

    @Override
    public void sleep(long millis) {
      now += Math.max(1, millis);
    }
  }
}
