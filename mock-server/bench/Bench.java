import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's benchmark (not part of mvn verify): run with bench/run.sh. Loopback only, bounded
 * loops. Prints one line per measurement.
 */
public class Bench {

  static final String TOKEN = "ist_benchToken0001";
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final int THREADS = Integer.getInteger("bench.threads", 4);
  static final int REQUESTS = Integer.getInteger("bench.requests", 30_000);
  static final int JOBS = Integer.getInteger("bench.jobs", 100_000);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  static final int POSTS = Integer.getInteger("bench.posts", 2_000);

  /** Runs one section only: throughput, latency, startup, persistence or tenants. */
  static final String ONLY = System.getProperty("bench.only", "");

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "bench: %d client threads, %d requests per throughput run, %d jobs, %d cores%n",
        THREADS, REQUESTS, JOBS, Runtime.getRuntime().availableProcessors());
    if (ONLY.isEmpty() || ONLY.equals("throughput")) {
      throughput();
    }
    if (ONLY.isEmpty() || ONLY.equals("persistence")) {
      persistence();
    }
    if (ONLY.isEmpty() || ONLY.equals("tenants")) {
      tenants();
    }
    if (ONLY.isEmpty() || ONLY.equals("latency")) {
      latencyAndHeap();
    }
    if (ONLY.isEmpty() || ONLY.equals("startup")) {
      startup(Path.of(args.length > 0 ? args[0] : "target/reels-mock-server.jar"));
    }
  }

  // 6. The same traffic against a mock in memory and one with --state-file, in alternating rounds.
  static void persistence() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("reels-bench-state");
    MockServerSettings memory =
        MockServerSettings.builder().port(0).profile(TimingProfile.FAST).build();
    MockServerSettings file =
        memory.toBuilder()
            .jobStore(
                dev.reelskit.mock.settings.JobStoreSettings.defaults()
                    .withStateFile(dir.resolve("jobs.db")))
            .build();
    try (ReelsMock a = ReelsMock.start(memory);
        ReelsMock b = ReelsMock.start(file)) {
      ReelsMock[] mocks = {a, b};
      String[] labels = {"in memory", "--state-file"};
      double[][] post = new double[2][ROUNDS];
      double[][] getDone = new double[2][ROUNDS];
      double[][] lifecycle = new double[2][ROUNDS];
      for (ReelsMock m : mocks) { // warm-up
        createJobs(m.baseUrl(), POSTS / 4);
        load(m.baseUrl() + "/api/v1/reels/42", REQUESTS / 4);
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int k = 0; k < 2; k++) {
          int i = (k + round) % 2;
          String base = mocks[i].baseUrl();
          long t0 = System.nanoTime();
          createJobs(base, POSTS);
          post[i][round] = POSTS / ((System.nanoTime() - t0) / 1e9);
          t0 = System.nanoTime();
          load(base + "/api/v1/reels/42", REQUESTS);
          getDone[i][round] = REQUESTS / ((System.nanoTime() - t0) / 1e9);
          lifecycle[i][round] = lifecycle(base, POSTS / 4);
        }
      }
      System.out.printf(
          "  persistence (fast profile, %d client threads, median of %d alternating"
              + " rounds):%n",
          THREADS, ROUNDS);
      for (int i = 0; i < 2; i++) {
        System.out.printf(
            "    %-13s POST %7.0f req/s   GET done job %7.0f req/s"
                + "   POST + 3 polls to done %7.0f req/s%n",
            labels[i], median(post[i]), median(getDone[i]), median(lifecycle[i]));
      }
      System.out.printf(
          "    ratio file/memory: POST %.2f, GET done %.2f, lifecycle %.2f%n",
          median(post[1]) / median(post[0]),
          median(getDone[1]) / median(getDone[0]),
          median(lifecycle[1]) / median(lifecycle[0]));
    }
  }

  // 7. Per-tenant clocks on the GET path: the same polls against a mock without tenants (one shared
  // clock), one where each client thread is a named tenant with a moved clock of its own, and one
  // with --isolate-tokens (each token a tenant, and each GET checks the job is the token's).
  static void tenants() throws Exception {
    MockServerSettings shared =
        MockServerSettings.builder().port(0).profile(TimingProfile.REALISTIC).build();
    MockServerSettings isolated =
        shared.toBuilder()
            .jobStore(
                dev.reelskit.mock.settings.JobStoreSettings.defaults().withIsolatedTokens(true))
            .build();
    java.time.Instant start = java.time.Instant.parse("2026-05-22T10:00:00Z");
    // Frozen clocks: every job stays pending, so every poll takes the path that reads its clock.
    try (ReelsMock none =
            ReelsMock.start(shared, dev.reelskit.mock.jobs.MockClock.frozenAt(start));
        ReelsMock named =
            ReelsMock.start(shared, dev.reelskit.mock.jobs.MockClock.frozenAt(start));
        ReelsMock isolate =
            ReelsMock.start(isolated, dev.reelskit.mock.jobs.MockClock.frozenAt(start))) {
      ReelsMock[] mocks = {none, named, isolate};
      String[] labels = {
        "no tenants (one shared clock)", "a named tenant per client", "--isolate-tokens"
      };
      String[][] tokens = new String[3][THREADS];
      String[][] polled = new String[3][THREADS];
      for (int t = 0; t < THREADS; t++) {
        tokens[0][t] = TOKEN + "-client-" + t; // a well-formed token per client thread
        tokens[2][t] = tokens[0][t];
        dev.reelskit.mock.ReelsTenant tenant = named.createTenant("bench-" + t);
        tenant.advanceClock(java.time.Duration.ofSeconds(1)); // a clock of its own, moved
        tokens[1][t] = tenant.token();
      }
      for (int m = 0; m < 3; m++) {
        for (int t = 0; t < THREADS; t++) {
          polled[m][t] = mocks[m].baseUrl() + "/api/v1/reels/" + submit(mocks[m], tokens[m][t]);
        }
      }
      double[][] unfinished = new double[3][ROUNDS];
      double[][] unfinishedCpu = new double[3][ROUNDS];
      double[][] done = new double[3][ROUNDS];
      for (int m = 0; m < 3; m++) { // warm-up
        loadAs(polled[m], tokens[m], REQUESTS / 2, new double[2]);
        String[] job42 = new String[THREADS];
        Arrays.fill(job42, mocks[m].baseUrl() + "/api/v1/reels/42");
        loadAs(job42, tokens[m], REQUESTS / 4, new double[2]);
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int k = 0; k < 3; k++) {
          int m = (k + round) % 3;
          double[] r = new double[2];
          loadAs(polled[m], tokens[m], REQUESTS, r);
          unfinished[m][round] = r[0];
          unfinishedCpu[m][round] = r[1];
          String[] job42 = new String[THREADS];
          Arrays.fill(job42, mocks[m].baseUrl() + "/api/v1/reels/42");
          loadAs(job42, tokens[m], REQUESTS, r);
          done[m][round] = r[0];
        }
      }
      System.out.printf(
          "  tenants (%d client threads, each polling its own pending job; median of %d"
              + " rotating rounds):%n",
          THREADS, ROUNDS);
      for (int m = 0; m < 3; m++) {
        System.out.printf(
            "    %-32s GET pending job %7.0f req/s, server CPU %6.1f us/req   GET done job 42"
                + " %7.0f req/s%n",
            labels[m], median(unfinished[m]), median(unfinishedCpu[m]), median(done[m]));
      }
      for (int m = 1; m < 3; m++) {
        System.out.printf(
            "    ratio %s / no tenants: GET pending %.2f (CPU %.2f), GET done %.2f%n",
            labels[m],
            median(unfinished[m]) / median(unfinished[0]),
            median(unfinishedCpu[m]) / median(unfinishedCpu[0]),
            median(done[m]) / median(done[0]));
      }
    }
  }

  static long submit(ReelsMock mock, String token) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/reels/analyze"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\"}"))
            .build();
    String body = CLIENT.send(r, HttpResponse.BodyHandlers.ofString()).body();
    return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
  }

  /** Each client thread t GETs urls[t] with tokens[t]; out = requests/s, server CPU us/request. */
  static void loadAs(String[] urls, String[] tokens, int requests, double[] out) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = serverCpu(mx);
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong left = new AtomicLong(requests);
    for (int t = 0; t < THREADS; t++) {
      int me = t;
      pool.execute(
          () -> {
            HttpRequest request =
                HttpRequest.newBuilder(URI.create(urls[me]))
                    .header("Authorization", "Bearer " + tokens[me])
                    .GET()
                    .build();
            while (left.getAndDecrement() > 0) {
              try {
                if (CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode()
                    != 200) {
                  throw new IllegalStateException("not 200: " + urls[me]);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    long wall = System.nanoTime() - t0;
    out[0] = requests / (wall / 1e9);
    out[1] = (serverCpu(mx) - cpu0) / 1e3 / requests;
  }

  /** Jobs submitted and polled to done (pending, processing, done); answers requests per second. */
  static double lifecycle(String base, int jobs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong left = new AtomicLong(jobs);
    long t0 = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      pool.execute(
          () -> {
            while (left.getAndDecrement() > 0) {
              HttpRequest r =
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/reels/analyze"))
                      .header("Authorization", "Bearer " + TOKEN)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\"}"))
                      .build();
              try {
                String body = CLIENT.send(r, HttpResponse.BodyHandlers.ofString()).body();
                String id = body.replaceAll(".*\"id\":(\\d+).*", "$1");
                for (int p = 0; p < 3; p++) {
                  send(base + "/api/v1/reels/" + id);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    return jobs * 4 / ((System.nanoTime() - t0) / 1e9);
  }

  // 1. GET of a done job vs plain WireMock serving one static stub with the same body.
  static void throughput() throws Exception {
    MockServerSettings settings = MockServerSettings.builder().port(0).build();
    try (ReelsMock mock = ReelsMock.start(settings)) {
      String url = mock.baseUrl() + "/api/v1/reels/42";
      byte[] body = send(url).body();
      WireMockServer plain = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      plain.start();
      plain.stubFor(
          get(urlEqualTo("/api/v1/reels/42"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));
      WireMockServer plainNoJournal =
          new WireMockServer(
              options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
      plainNoJournal.start();
      plainNoJournal.stubFor(
          get(urlEqualTo("/api/v1/reels/42"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));
      String plainUrl = "http://127.0.0.1:" + plain.port() + "/api/v1/reels/42";
      String plainNjUrl = "http://127.0.0.1:" + plainNoJournal.port() + "/api/v1/reels/42";
      String[] labels = {
        "reels mock, GET done job 42",
        "plain WireMock static stub (default journal)",
        "plain WireMock static stub (journal off)"
      };
      String[] urls = {url, plainUrl, plainNjUrl};
      double[][] rps = new double[3][ROUNDS];
      double[][] cpu = new double[3][ROUNDS];
      for (int i = 0; i < 3; i++) {
        run(urls[i], new double[2]); // warm-up: every JVM path compiled before measuring
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int k = 0; k < 3; k++) {
          int i = (k + round) % 3; // rotate the order so no server always goes first
          double[] r = new double[2];
          run(urls[i], r);
          rps[i][round] = r[0];
          cpu[i][round] = r[1];
        }
      }
      for (int i = 0; i < 3; i++) {
        System.out.printf(
            "  %-48s %8.0f req/s   server CPU %6.1f us/req   (median of %d rounds)%n",
            labels[i], median(rps[i]), median(cpu[i]), ROUNDS);
      }
      plain.stop();
      plainNoJournal.stop();
    }
  }

  /**
   * Loads one server; out[0] = requests per second, out[1] = server CPU microseconds per request.
   */
  static void run(String url, double[] out) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = serverCpu(mx);
    long t0 = System.nanoTime();
    load(url, REQUESTS);
    long wall = System.nanoTime() - t0;
    long cpu = serverCpu(mx) - cpu0;
    out[0] = REQUESTS / (wall / 1e9);
    out[1] = cpu / 1e3 / REQUESTS;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** CPU of the Jetty worker threads (named qtp...), i.e. the servers, not the client. */
  static long serverCpu(ThreadMXBean mx) {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("qtp")) {
        long c = mx.getThreadCpuTime(t.getId());
        total += Math.max(0, c);
      }
    }
    return total;
  }

  static void load(String url, int requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong left = new AtomicLong(requests);
    for (int t = 0; t < THREADS; t++) {
      pool.execute(
          () -> {
            while (left.getAndDecrement() > 0) {
              if (send(url).statusCode() != 200) {
                throw new IllegalStateException("not 200");
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
  }

  // 2./3./4. p50 at 10 vs JOBS jobs, heap per job, heap under a long polling run.
  static void latencyAndHeap() throws Exception {
    MockServerSettings settings =
        MockServerSettings.builder()
            .port(0)
            .profile(TimingProfile.REALISTIC)
            .timeScale(100_000)
            .seedJobs(false)
            .build();
    // Two mocks in one JVM, one holding 10 jobs and one 100,000, measured in alternating rounds:
    // both see the same JIT state, heap and machine noise, so the ratio isolates "jobs held".
    try (ReelsMock small = ReelsMock.start(settings);
        ReelsMock big = ReelsMock.start(settings)) {
      createJobs(small.baseUrl(), 10);
      createJobs(big.baseUrl(), 10);
      long heap0 = usedHeapAfterGc();
      createJobs(big.baseUrl(), JOBS - 10);
      long heap1 = usedHeapAfterGc();
      double[] smallP50 = new double[ROUNDS];
      double[] heldP50 = new double[ROUNDS];
      double[] spreadP50 = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        smallP50[r] = p50(small.baseUrl(), 10, 5_000);
        heldP50[r] = p50(big.baseUrl(), 10, 5_000);
        spreadP50[r] = p50(big.baseUrl(), JOBS, 5_000);
      }
      double p50small = median(smallP50);
      double p50held = median(heldP50);
      double p50spread = median(spreadP50);
      System.out.printf(
          "  p50 GET of 10 jobs, mock holding 10: %.3f ms; mock holding %,d: %.3f ms"
              + " (ratio %.2f; median of %d alternating rounds)%n",
          p50small, JOBS, p50held, p50held / p50small, ROUNDS);
      System.out.printf(
          "  p50 GET spread over all %,d jobs: %.3f ms (ratio %.2f; adds the CPU-cache"
              + " misses of touching them all)%n",
          JOBS, p50spread, p50spread / p50small);
      System.out.printf(
          "  heap after GC: +%,d bytes for %,d jobs = %.0f bytes/job%n",
          heap1 - heap0, JOBS - 10, (heap1 - heap0) / (double) (JOBS - 10));
      String base = big.baseUrl();
      long before = usedHeapAfterGc();
      StringBuilder trail = new StringBuilder();
      for (int block = 1; block <= 4; block++) {
        load(base + "/api/v1/reels/" + (100 + block), 50_000);
        trail.append(String.format(" %,d", usedHeapAfterGc() - before));
      }
      System.out.printf(
          "  heap after GC vs start, every 50,000 polls (200,000 total), bytes:%s%n", trail);
      notFoundWithUserStubs(big);
    }
  }

  // 6. A 404 with 1,000 user stubs loaded (and JOBS jobs), vs plain WireMock's near-miss 404.
  static void notFoundWithUserStubs(ReelsMock big) {
    String base = big.baseUrl();
    double before = p50Of(base + "/no/such/path", 3_000);
    WireMockServer plain =
        new WireMockServer(
            options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
    plain.start();
    for (int i = 0; i < 1_000; i++) {
      var stub =
          get(urlPathEqualTo("/user/" + i + "/thing"))
              .withHeader("X-Tenant", equalTo("t" + i))
              .willReturn(aResponse().withStatus(204));
      big.stubFor(stub);
      plain.stubFor(stub);
    }
    double mock404 = p50Of(base + "/no/such/path", 3_000);
    double mockUnknownJob = p50Of(base + "/api/v1/reels/999999999", 3_000);
    double mockDone = p50Of(base + "/api/v1/reels/101", 3_000);
    double plain404 = p50Of("http://127.0.0.1:" + plain.port() + "/no/such/path", 300);
    plain.stop();
    System.out.printf(
        "  p50 404 of an unknown path, %,d jobs: no user stubs %.3f ms; 1,000 user"
            + " stubs %.3f ms (unknown job id %.3f ms, GET of a job %.3f ms)%n",
        big.jobCount(), before, mock404, mockUnknownJob, mockDone);
    System.out.printf(
        "  plain WireMock (journal off), same 1,000 stubs, unmatched request (near"
            + " misses): p50 %.3f ms%n",
        plain404);
  }

  static double p50Of(String url, int samples) {
    for (int i = 0; i < Math.min(samples, 500); i++) {
      send(url);
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      send(url);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    return nanos[samples / 2] / 1e6;
  }

  static void createJobs(String base, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong left = new AtomicLong(n);
    for (int t = 0; t < THREADS; t++) {
      pool.execute(
          () -> {
            while (left.getAndDecrement() > 0) {
              HttpRequest r =
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/reels/analyze"))
                      .header("Authorization", "Bearer " + TOKEN)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\"}"))
                      .build();
              try {
                CLIENT.send(r, HttpResponse.BodyHandlers.discarding());
              } catch (java.io.IOException e) {
                // A pooled keep-alive connection the JDK client closed under us: send once more.
                try {
                  CLIENT.send(r, HttpResponse.BodyHandlers.discarding());
                } catch (Exception again) {
                  throw new IllegalStateException(again);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
  }

  static double p50(String base, int jobs, int samples) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (int i = 0; i < 2_000; i++) {
      send(base + "/api/v1/reels/" + (100 + random.nextInt(jobs)));
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      String url = base + "/api/v1/reels/" + (100 + random.nextInt(jobs));
      long t0 = System.nanoTime();
      send(url);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    return nanos[samples / 2] / 1e6;
  }

  static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  // 5. Start to first served request of java -jar.
  static void startup(Path jar) throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "--port",
                  "0")
              .redirectErrorStream(true)
              .start();
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
      String line;
      String url = null;
      while ((line = out.readLine()) != null) {
        var m = java.util.regex.Pattern.compile("listening on (http://\\S+)").matcher(line);
        if (m.find()) {
          url = m.group(1);
          break;
        }
      }
      if (url == null || send(url + "/api/v1/reels/42").statusCode() != 200) {
        throw new IllegalStateException("jar did not serve");
      }
      millis.add((System.nanoTime() - t0) / 1_000_000);
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    System.out.printf(
        "  java -jar start to first served GET (process spawn included): %s ms%n", millis);
  }

  static HttpResponse<byte[]> send(String url) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", "Bearer " + TOKEN)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
