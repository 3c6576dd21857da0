package dev.reelskit.contract.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelskit.openapi.ReelsApiSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * A Reels API server on 127.0.0.1, port 0, for proving the suites. With no defect it is correct but
 * takes every liberty the contract allows: large non-sequential ids, timestamps with an offset and
 * fractions, extra fields, its own 404/500 wording, sub-second jobs, every other job skipping
 * {@code processing}, optionally every job ending in {@code error}, and the documented limits
 * enforced over a configurable window. With a {@link Defect} it breaks exactly one rule.
 */
public final class ReelsTestServer implements AutoCloseable {

  public static final String TOKEN = "ist_Kq7ZpW3xR9tLm2VbN8cYd4Hs6Fj1";
  public static final String UNKNOWN_TOKEN = "ist_Unknown00000000000000000000";
  /** Known to the server but without the permission: answered 403 on both operations. */
  public static final String FORBIDDEN_TOKEN = "ist_Pm4XcR8vNq2LwT6yHb9KsD3gJf5Q";

  /** How the server behaves; {@link #liberal()} is the correct server's defaults. */
  public record Options(
      Defect defect,
      boolean everyJobFails,
      int rateRequests,
      long rateWindowMillis,
      int maxUnfinished,
      long pendingMillis,
      long processingMillis) {

    public static Options liberal() {
      return new Options(null, false, 1000, 1000, 3, 40, 60);
    }

    public Options with(Defect d) {
      return new Options(d, everyJobFails, rateRequests, rateWindowMillis, maxUnfinished,
          pendingMillis, processingMillis);
    }

    public Options everyJobFailing() {
      return new Options(defect, true, rateRequests, rateWindowMillis, maxUnfinished,
          pendingMillis, processingMillis);
    }

    public Options rateLimit(int requests, long windowMillis) {
      return new Options(defect, everyJobFails, requests, windowMillis, maxUnfinished,
          pendingMillis, processingMillis);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REEL_URL = ReelsApiSpec.get().reelUrlPattern();
  private static final Pattern TOKEN_FORMAT = Pattern.compile("ist_[A-Za-z0-9]+");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Options options;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Map<Long, Job> jobs = new HashMap<>();
  private final Deque<Long> window = new ArrayDeque<>();
  private final List<Long> arrivals = new ArrayList<>();
  private long nextId = 7_340_000_000_000L;
  private int created;
  private int tooMany;
  private int maxUnfinishedSeen;

  private static final class Job {
    final long id;
    final String url;
    final String createdAt;
    final long createdNanos;
    final boolean fails;
    final boolean skipsProcessing;
    int reads;

    Job(long id, String url, String createdAt, boolean fails, boolean skipsProcessing) {
      this.id = id;
      this.url = url;
      this.createdAt = createdAt;
      this.createdNanos = System.nanoTime();
      this.fails = fails;
      this.skipsProcessing = skipsProcessing;
    }
  }

  private ReelsTestServer(Options options) throws IOException {
    this.options = options;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static ReelsTestServer start(Options options) {
    try {
      return new ReelsTestServer(options);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ReelsTestServer start(Defect defect) {
    Options options = Options.liberal().with(defect);
    if (defect == Defect.NO_RETRY_AFTER) {
      options = options.rateLimit(4, 300);
    }
    return start(options);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Arrival times (System.nanoTime) of every request, refused ones included. */
  public synchronized List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  public synchronized int tooManyRequestsSent() {
    return tooMany;
  }

  public synchronized int maxUnfinishedSeen() {
    return maxUnfinishedSeen;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private boolean is(Defect d) {
    return options.defect() == d;
  }

  private synchronized void handle(HttpExchange http) throws IOException {
    try {
      long now = System.nanoTime();
      arrivals.add(now);
      String method = http.getRequestMethod();
      String path = http.getRequestURI().getPath();
      byte[] body = http.getRequestBody().readAllBytes();
      boolean read = method.equals("GET") && path.startsWith("/api/v1/reels/");
      String authorization = http.getRequestHeaders().getFirst("Authorization");
      if (!authorized(authorization, read)) {
        send(http, 401, is(Defect.WRONG_401_BODY) ? "{\"error\":\"unauthorized\"}"
            : "{\"error\":\"invalid API token\"}");
        return;
      }
      if (("Bearer " + FORBIDDEN_TOKEN).equals(authorization) && forbid(http)) {
        return;
      }
      if (overRate(now)) {
        refuseTooMany(http, "{\"error\":\"rate limit exceeded: too many requests\"}");
        return;
      }
      if (method.equals("POST") && path.equals("/api/v1/reels/analyze")) {
        analyze(http, body);
      } else if (read) {
        read(http, path.substring("/api/v1/reels/".length()));
      } else {
        send(http, 404, "{\"message\":\"no route\"}");
      }
    } catch (RuntimeException e) {
      send(http, 500, "{\"message\":\"test server bug: " + e + "\"}");
    }
  }

  private boolean authorized(String header, boolean read) {
    if (header == null) {
      return is(Defect.ACCEPTS_MISSING_HEADER);
    }
    if (header.equals(TOKEN)) {
      return is(Defect.ACCEPTS_TOKEN_WITHOUT_SCHEME);
    }
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String token = space < 0 ? "" : header.substring(space + 1);
    if (!scheme.equals("Bearer") && !is(Defect.ACCEPTS_ANY_SCHEME)) {
      return false;
    }
    if (!TOKEN_FORMAT.matcher(token).matches()) {
      return is(Defect.ACCEPTS_MALFORMED_TOKEN) && token.startsWith("ist_");
    }
    if (token.equals(FORBIDDEN_TOKEN)) {
      return !is(Defect.FORBIDDEN_AS_401);
    }
    if (!token.equals(TOKEN)) {
      return is(Defect.ACCEPTS_UNKNOWN_TOKEN);
    }
    return !(read && is(Defect.REFUSES_VALID_TOKEN_ON_READ));
  }

  /** The token is known but may not call the API: 403, unless a defect lets it through. */
  private boolean forbid(HttpExchange http) throws IOException {
    if (is(Defect.ACCEPTS_FORBIDDEN_TOKEN)) {
      return false;
    }
    if (is(Defect.FORBIDDEN_AS_HTML)) {
      send(http, 403, "text/html", "<html><body>Forbidden</body></html>");
    } else {
      send(http, 403, "{\"message\":\"this token may not analyze reels\"}");
    }
    return true;
  }

  private boolean overRate(long now) {
    long windowNanos = options.rateWindowMillis() * 1_000_000;
    while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
      window.removeFirst();
    }
    if (window.size() >= options.rateRequests()) {
      return true;
    }
    window.addLast(now);
    return false;
  }

  private void refuseTooMany(HttpExchange http, String body) throws IOException {
    tooMany++;
    if (!is(Defect.NO_RETRY_AFTER)) {
      long seconds = Math.max(1, (options.rateWindowMillis() + 999) / 1000);
      http.getResponseHeaders().add("Retry-After", String.valueOf(seconds));
    }
    send(http, 429, body);
  }

  private void analyze(HttpExchange http, byte[] body) throws IOException {
    JsonNode request = JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    JsonNode url = request.get("url");
    if (url == null || !url.isTextual()) {
      send(http, 400, is(Defect.WRONG_URL_REQUIRED_MESSAGE) ? "{\"message\":\"url missing\"}"
          : "{\"message\":\"url is required\"}");
      return;
    }
    String value = url.asText();
    boolean valid = is(Defect.ACCEPTS_LOOKALIKE_HOST) ? value.contains("instagram.com")
        : REEL_URL.matcher(value).matches();
    if (is(Defect.REJECTS_POST_FORM) && value.contains("/p/")) {
      valid = false;
    }
    if (!valid) {
      send(http, 400, "{\"message\":\"URL must be an instagram.com link\"}");
      return;
    }
    String code = value.replaceAll("^.*/(reel|p)/([^/?]+).*$", "$2");
    if (code.startsWith("HTTP500")) {
      if (is(Defect.SERVER_ERROR_AS_HTML)) {
        send(http, 500, "text/html", "<html><body>Internal Server Error</body></html>");
      } else {
        send(http, 500, "{\"message\":\"the downloader fell over\"}");
      }
      return;
    }
    long unfinished = jobs.values().stream().filter(j -> !terminal(j)).count();
    if (unfinished >= options.maxUnfinished()) {
      refuseTooMany(http, "{\"error\":\"too many concurrent jobs: 3 allowed\"}");
      return;
    }
    maxUnfinishedSeen = (int) Math.max(maxUnfinishedSeen, unfinished + 1);
    created++;
    long id = is(Defect.REPEATING_IDS) ? 7_340_000_000_000L + created % 2 : nextId;
    nextId += 1_000 + 37L * created;
    boolean fails = options.everyJobFails() || (code.startsWith("ERROR") && !is(Defect.ERROR_REEL_ENDS_DONE));
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(2));
    Job job = new Job(id, value, ISO.format(at), fails, created % 2 == 0);
    jobs.put(id, job);
    String status = is(Defect.CREATED_AS_PROCESSING) ? "processing" : "pending";
    String idJson = is(Defect.STRING_IDS) ? "\"" + id + "\"" : String.valueOf(id);
    send(http, 202, "{\"id\":" + idJson + ",\"status\":\"" + status + "\",\"queue_position\":1}");
  }

  private void read(HttpExchange http, String rawId) throws IOException {
    Job job;
    try {
      job = jobs.get(Long.parseLong(rawId));
    } catch (NumberFormatException e) {
      job = null;
    }
    if (job == null) {
      if (is(Defect.REDIRECTS_UNKNOWN_ID)) {
        http.getResponseHeaders().set("Location", "http://127.0.0.1:9/api/v1/reels/" + rawId);
        send(http, 307, "{\"message\":\"moved\"}");
        return;
      }
      if (is(Defect.NOT_FOUND_AS_HTML)) {
        send(http, 404, "text/html", "<html><body>Not Found</body></html>");
      } else {
        send(http, 404, "{\"message\":\"there is no job with that id\"}");
      }
      return;
    }
    job.reads++;
    if (is(Defect.FIRST_READ_FAILS) && job.reads == 1) {
      send(http, 500, "{\"message\":\"temporarily unavailable\"}");
      return;
    }
    send(http, 200, JSON.writeValueAsString(view(job)));
  }

  private String status(Job job) {
    long age = (System.nanoTime() - job.createdNanos) / 1_000_000;
    if (is(Defect.GOES_BACKWARDS)) {
      String[] sequence = {"pending", "processing", "pending", "processing", "done"};
      return sequence[Math.min(job.reads - 1, sequence.length - 1)];
    }
    if (age < options.pendingMillis()) {
      return "pending";
    }
    if (age < options.pendingMillis() + options.processingMillis() || is(Defect.NEVER_FINISHES)) {
      return job.skipsProcessing && !is(Defect.NEVER_FINISHES) ? "pending" : "processing";
    }
    return job.fails ? "error" : "done";
  }

  private boolean terminal(Job job) {
    long age = (System.nanoTime() - job.createdNanos) / 1_000_000;
    return !is(Defect.NEVER_FINISHES) && age >= options.pendingMillis() + options.processingMillis();
  }

  private ObjectNode view(Job job) {
    String status = status(job);
    ObjectNode node = JSON.createObjectNode();
    node.put("id", job.id);
    node.put("url", is(Defect.URL_ECHO_DROPS_QUERY) ? job.url.replaceAll("\\?.*$", "") : job.url);
    node.put("status", status.equals("done") && is(Defect.STATUS_COMPLETED) ? "completed" : status);
    if (status.equals("error")) {
      node.put("error", "Reel is private or has been removed");
    } else {
      node.putNull("error");
    }
    boolean reallyPending = (System.nanoTime() - job.createdNanos) / 1_000_000 < options.pendingMillis();
    if (status.equals("pending") && reallyPending && is(Defect.PENDING_CARRIES_RESULT)) {
      node.set("result", ReelsApiSpec.get().example("JobDoneCooking").get("result"));
    } else if (status.equals("done") && !is(Defect.DONE_WITHOUT_RESULT)) {
      ObjectNode result = (ObjectNode) ReelsApiSpec.get().example("JobDoneCooking").get("result");
      if (is(Defect.RESULT_WITHOUT_SUMMARY)) {
        result.remove("summary");
      }
      if (is(Defect.TERMINAL_JOB_CHANGES)) {
        result.put("summary", "read " + job.reads + " times");
      }
      node.set("result", result);
    } else {
      node.putNull("result");
    }
    if (is(Defect.CREATED_AT_NOT_ISO)) {
      node.put("created_at", "22/05/2026 10:00:00");
    } else if (is(Defect.CREATED_AT_IS_NOW)) {
      node.put("created_at", ISO.format(OffsetDateTime.now(ZoneOffset.UTC)));
    } else {
      node.put("created_at", job.createdAt);
    }
    node.put("model_version", "2026-05");
    node.putObject("_links").put("self", "/api/v1/reels/" + job.id);
    return node;
  }

  private void send(HttpExchange http, int status, String json) throws IOException {
    send(http, status, "application/json; charset=utf-8", json);
  }

  private void send(HttpExchange http, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String type = is(Defect.TEXT_PLAIN_CONTENT_TYPE) ? "text/plain" : contentType;
    http.getResponseHeaders().set("Content-Type", type);
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }
}
