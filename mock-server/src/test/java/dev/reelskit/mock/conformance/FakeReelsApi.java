package dev.reelskit.mock.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the mock server, just enough to exercise the client scripts before the mock
 * lands: jobs show pending, processing, then done; the first submission can be refused with a 429.
 * It records traffic the way the mock will, real clock, token fingerprinted.
 */
final class FakeReelsApi implements AutoCloseable {

  private static final Pattern JOB = Pattern.compile("/api/v1/reels/(\\d+)");
  private static final List<JobStatus> STEPS =
      List.of(JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.DONE);

  private final HttpServer server;
  private final TrafficLog log = new TrafficLog();
  private final Map<Long, Integer> polls = new HashMap<>();
  private final Duration refuseFirstSubmitFor;
  private final boolean instantJobs;
  private boolean refused;
  private long nextJob = 1;

  /**
   * @param refuseFirstSubmitFor when non-null, the first POST gets a 429 with this Retry-After
   * @param instantJobs whether jobs show done at the first poll
   */
  FakeReelsApi(Duration refuseFirstSubmitFor, boolean instantJobs) throws IOException {
    this.refuseFirstSubmitFor = refuseFirstSubmitFor;
    this.instantJobs = instantJobs;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  TrafficLog log() {
    return log;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    Instant at = Instant.now();
    exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String token = auth != null && auth.startsWith("Bearer ist_")
        ? TokenMask.fingerprint(auth.substring("Bearer ".length())) : TokenMask.NONE;
    Matcher job = JOB.matcher(path);
    boolean submit = method.equals("POST") && path.equals(Traffic.ANALYZE_PATH);
    boolean read = method.equals("GET") && job.matches();
    String operation = submit ? "analyzeReel" : read ? "getReel" : null;
    Long jobId = read ? Long.valueOf(job.group(1)) : null;
    if (token.equals(TokenMask.NONE)) {
      reply(exchange, 401, "{\"error\":\"invalid API token\"}", null);
      record(at, token, method, path, operation, jobId, 401, null, null, "missing-token");
    } else if (submit && refuseFirstSubmitFor != null && !refused) {
      refused = true;
      reply(exchange, 429, "{\"error\":\"too many requests\"}", refuseFirstSubmitFor);
      record(at, token, method, path, operation, null, 429, null, refuseFirstSubmitFor, "forced");
    } else if (submit) {
      long id = nextJob++;
      reply(exchange, 202, "{\"id\":" + id + ",\"status\":\"pending\"}", null);
      record(at, token, method, path, operation, id, 202, JobStatus.PENDING, null, null);
    } else if (read) {
      int n = polls.merge(jobId, 1, Integer::sum);
      JobStatus shown = instantJobs ? JobStatus.DONE : STEPS.get(Math.min(n, STEPS.size()) - 1);
      reply(exchange, 200, "{\"id\":" + jobId + ",\"url\":\"u\",\"status\":\"" + shown.getValue()
          + "\",\"error\":null,\"result\":null,\"created_at\":\"2026-05-22T10:00:00Z\"}", null);
      record(at, token, method, path, operation, jobId, 200, shown, null, null);
    } else {
      reply(exchange, 404, "{\"error\":\"not found\"}", null);
      record(at, token, method, path, null, null, 404, null, null, "unknown-path");
    }
  }

  private void record(Instant at, String token, String method, String path, String operation,
      Long jobId, int status, JobStatus shown, Duration retryAfter, String rejection) {
    log.record(new TrafficEntry(log.nextSeq(), at, token, method, path, operation, jobId, status,
        shown, retryAfter, rejection));
  }

  private static void reply(HttpExchange exchange, int status, String body, Duration retryAfter)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter.toMillis() / 1000.0));
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
