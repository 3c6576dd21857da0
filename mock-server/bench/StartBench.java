import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spawn to first answered request, side by side: {@code java -jar} of the mock (as documented, so
 * on its class-data archive), the mock without the archive ({@code -Dreels.mock.cds=off}) and plain
 * WireMock standalone (an empty root dir: no mappings), in rotating order, each sending {@code GET
 * /api/v1/reels/42} (plain WireMock answers it with a 404, which counts as answered). Prints every
 * round, the medians and the ratio. Loopback only; every process is stopped.
 *
 * <p>Usage: {@code java StartBench.java MOCK_JAR WIREMOCK_JAR [ROUNDS]}
 */
public final class StartBench {

  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  public static void main(String[] args) throws Exception {
    Path mockJar = Path.of(args[0]);
    Path wiremockJar = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Path emptyRoot = Files.createTempDirectory("plain-wiremock-");
    Files.createDirectories(emptyRoot.resolve("mappings"));
    Files.createDirectories(emptyRoot.resolve("__files"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    // "before": the mock in one JVM without its class-data archive (-Dreels.mock.cds=off);
    // "after": plain java -jar, which relaunches itself on the archive the build made.
    List<String> names =
        List.of("mock, java -jar (archive)", "mock, -Dreels.mock.cds=off", "plain WireMock");
    long[][] times = new long[3][rounds];
    long[][] rss = new long[3][rounds];
    System.out.printf(
        "start to first answered GET /api/v1/reels/42, %d rounds, order rotating%n", rounds);
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("  round " + (r + 1) + ":");
      for (int k = 0; k < 3; k++) {
        int who = (r + k) % 3; // who goes first rotates every round
        int port = freePort();
        List<String> cmd =
            switch (who) {
              case 0 -> List.of(java, "-jar", mockJar.toString(), "--port", Integer.toString(port));
              case 1 ->
                  List.of(
                      java,
                      "-Dreels.mock.cds=off",
                      "-jar",
                      mockJar.toString(),
                      "--port",
                      Integer.toString(port));
              default ->
                  List.of(
                      java,
                      "-jar",
                      wiremockJar.toString(),
                      "--port",
                      Integer.toString(port),
                      "--root-dir",
                      emptyRoot.toString());
            };
        long[] result = spawnToFirstAnswer(cmd, port);
        times[who][r] = result[0];
        rss[who][r] = result[1];
      }
      for (int who = 0; who < 3; who++) {
        line.append(
            String.format(
                "  %s %5d ms (RSS %3d MB)",
                names.get(who), times[who][r] / 1_000_000, rss[who][r] / 1024));
      }
      System.out.println(line);
    }
    double after = median(times[0]) / 1e6;
    double before = median(times[1]) / 1e6;
    double plain = median(times[2]) / 1e6;
    System.out.printf(
        "median: plain WireMock %.0f ms; mock before (one JVM, no archive) %.0f ms = %.2fx;"
            + " mock after (java -jar, archive) %.0f ms = %.2fx (target <= 0.60x)%n",
        plain, before, before / plain, after, after / plain);
    System.out.printf(
        "median RSS at first answer: plain %d MB, before %d MB, after %d MB (launcher + child)%n",
        (long) median(rss[2]) / 1024, (long) median(rss[1]) / 1024, (long) median(rss[0]) / 1024);
    servedAsStarted(java, mockJar, wiremockJar);
  }

  /**
   * What the start tuning costs later: GETs of job 42 per second from each process as a user starts
   * it, plain WireMock serving the same body from a stub file in its root dir. Four client threads,
   * 8 rounds of 5,000 requests, the best of the last four (the JIT has warmed up by then).
   */
  static void servedAsStarted(String java, Path mockJar, Path wiremockJar) throws Exception {
    int port = freePort();
    Path root = Files.createTempDirectory("plain-wiremock-stub-");
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    List<String> mockCmd =
        List.of(java, "-jar", mockJar.toString(), "--port", Integer.toString(port));
    Process mock = start(mockCmd, port);
    try {
      Files.write(root.resolve("__files/job42.json"), get(port).body());
    } finally {
      stop(mock);
    }
    Files.writeString(
        root.resolve("mappings/job42.json"),
        "{\"request\":{\"method\":\"GET\","
            + "\"url\":\"/api/v1/reels/42\"},\"response\":{\"status\":200,\"headers\":"
            + "{\"Content-Type\":\"application/json\"},\"bodyFileName\":\"job42.json\"}}");
    String[] names = {
      "mock, java -jar (client compiler only)",
      "mock, java -XX:TieredStopAtLevel=4 -jar",
      "plain WireMock standalone, stub file",
      "plain WireMock, stub file, journal off"
    };
    List<List<String>> commands =
        List.of(
            mockCmd,
            List.of(
                java,
                "-XX:TieredStopAtLevel=4",
                "-jar",
                mockJar.toString(),
                "--port",
                Integer.toString(port)),
            List.of(
                java,
                "-jar",
                wiremockJar.toString(),
                "--port",
                Integer.toString(port),
                "--root-dir",
                root.toString()),
            List.of(
                java,
                "-jar",
                wiremockJar.toString(),
                "--port",
                Integer.toString(port),
                "--root-dir",
                root.toString(),
                "--no-request-journal"));
    System.out.println(
        "GET /api/v1/reels/42 per second, each process as started (4 threads, best of rounds 5-8 of"
            + " 5,000); idle RSS 2 s after the first answer, peak RSS (VmHWM) after the load;"
            + " the mock's are launcher + child:");
    for (int i = 0; i < names.length; i++) {
      Process process = start(commands.get(i), port);
      try {
        Thread.sleep(2_000);
        long idle = rssKb(process.pid());
        double best = 0;
        for (int round = 0; round < 8; round++) {
          double rate = load(port, 5_000);
          best = round >= 4 ? Math.max(best, rate) : best;
        }
        System.out.printf(
            "  %-42s %7.0f req/s  idle RSS %4d MB  peak RSS %4d MB%n",
            names[i], best, idle / 1024, statusKb(process.pid(), "VmHWM:") / 1024);
      } finally {
        stop(process);
      }
    }
  }

  static Process start(List<String> command, int port) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long start = System.nanoTime();
    while (!answers(port)) {
      if (!process.isAlive() || System.nanoTime() - start > TIMEOUT_NANOS) {
        stop(process);
        throw new IllegalStateException("no answer: " + command);
      }
      Thread.sleep(20);
    }
    return process;
  }

  static void stop(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
    }
  }

  static final HttpClient CLIENT = HttpClient.newHttpClient();

  static HttpResponse<byte[]> get(int port) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reels/42"))
            .header("Authorization", "Bearer ist_your_token")
            .build();
    HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /api/v1/reels/42 answered " + response.statusCode());
    }
    return response;
  }

  /** Requests per second for {@code requests} GETs from four threads. */
  static double load(int port, int requests) throws Exception {
    AtomicInteger left = new AtomicInteger(requests);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < 4; t++) {
      done.add(
          pool.submit(
              () -> {
                while (left.getAndDecrement() > 0) {
                  get(port);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return requests / ((System.nanoTime() - t0) / 1e9);
  }

  /** Answers {nanos from spawn to the first status line, RSS in KB at that moment}. */
  static long[] spawnToFirstAnswer(List<String> command, int port) throws Exception {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      while (System.nanoTime() - start < TIMEOUT_NANOS) {
        if (!process.isAlive()) {
          throw new IllegalStateException("exited " + process.exitValue() + ": " + command);
        }
        if (answers(port)) {
          long elapsed = System.nanoTime() - start;
          return new long[] {elapsed, rssKb(process.pid())};
        }
        Thread.sleep(5);
      }
      throw new IllegalStateException("no answer within 60 s: " + command);
    } finally {
      stop(process);
    }
  }

  static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/reels/42 HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: Bearer ist_your_token\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      int n = in.readNBytes(head, 0, head.length);
      return n >= 12 && new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ");
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The RSS of the process and its children (a re-launched JVM counts too). */
  static long rssKb(long pid) {
    return statusKb(pid, "VmRSS:");
  }

  /** A {@code /proc/<pid>/status} field summed over the process and its children. */
  static long statusKb(long pid, String field) {
    long total = 0;
    List<Long> pids = new ArrayList<>();
    pids.add(pid);
    ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
    for (long p : pids) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p), "status"))) {
          if (line.startsWith(field)) {
            total += Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException e) {
        // not on Linux, or gone: RSS unknown
      }
    }
    return total;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
