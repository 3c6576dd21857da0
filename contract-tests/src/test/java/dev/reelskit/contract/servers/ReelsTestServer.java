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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
      long processingMillis,
      PageVoice voice) {

    public static Options liberal() {
      return new Options(null, false, 1000, 1000, 3, 40, 60, null);
    }

    /** Sends one documentation page's version of each body it shows ({@link PageVoice}). */
    public Options speaking(PageVoice v) {
      return new Options(
          defect,
          everyJobFails,
          rateRequests,
          rateWindowMillis,
          maxUnfinished,
          pendingMillis,
          processingMillis,
          v);
    }

    public Options with(Defect d) {
      return new Options(
          d,
          everyJobFails,
          rateRequests,
          rateWindowMillis,
          maxUnfinished,
          pendingMillis,
          processingMillis,
          voice);
    }

    public Options everyJobFailing() {
      return new Options(
          defect,
          true,
          rateRequests,
          rateWindowMillis,
          maxUnfinished,
          pendingMillis,
          processingMillis,
          voice);
    }

    public Options rateLimit(int requests, long windowMillis) {
      return new Options(
          defect,
          everyJobFails,
          requests,
          windowMillis,
          maxUnfinished,
          pendingMillis,
          processingMillis,
          voice);
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
  private final List<Long> refusedArrivals = new ArrayList<>();
  private long nextId = 7_340_000_000_000L;
  private int created;
  private int tooMany;
  private int maxUnfinishedSeen;
  private final java.util.Set<String> voiced = new java.util.TreeSet<>();

  private static final class Job {
    final long id;
    final String url;
    final String createdAt;
    final long createdNanos;
    final boolean fails;
    final boolean skipsProcessing;
    int reads;
    int terminalReads;

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
    if (defect.needsRateLimit()) {
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

  /** Arrival times (System.nanoTime) of the requests answered 429. */
  public synchronized List<Long> refusedArrivals() {
    return List.copyOf(refusedArrivals);
  }

  public synchronized int tooManyRequestsSent() {
    return tooMany;
  }

  public synchronized int maxUnfinishedSeen() {
    return maxUnfinishedSeen;
  }

  /** The triggers whose body this server sent in its page's voice ({@link PageVoice}). */
  public synchronized java.util.Set<String> voicedTriggers() {
    return java.util.Set.copyOf(voiced);
  }

  /**
   * Per job, in creation order: how many reads came after the first one that showed done or error.
   */
  public synchronized List<Integer> readsAfterTerminal() {
    return jobs.values().stream()
        .sorted((a, b) -> Long.compare(a.id, b.id))
        .map(j -> Math.max(0, j.terminalReads - 1))
        .toList();
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
        boolean bearer = authorization != null && authorization.startsWith("Bearer ");
        String own =
            is(Defect.WRONG_401_BODY)
                ? "{\"error\":\"unauthorized\"}"
                : is(Defect.MISSING_TOKEN_BODY_FOR_A_BEARER_TOKEN) && bearer
                    ? "{\"error\":\"API token required (Authorization: Bearer ist_...)\"}"
                    : "{\"error\":\"invalid API token\"}";
        send(http, 401, voiced(bearer ? "invalid-token" : "no-token", 401, own, null));
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
      return is(
          read ? Defect.ACCEPTS_MISSING_HEADER_ON_READ : Defect.ACCEPTS_MISSING_HEADER_ON_SUBMIT);
    }
    if (header.equals(TOKEN)) {
      return is(Defect.ACCEPTS_TOKEN_WITHOUT_SCHEME);
    }
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String token = space < 0 ? "" : header.substring(space + 1);
    if (!scheme.equals("Bearer")
        && !is(read ? Defect.ACCEPTS_ANY_SCHEME_ON_READ : Defect.ACCEPTS_ANY_SCHEME_ON_SUBMIT)) {
      return false;
    }
    if (!TOKEN_FORMAT.matcher(token).matches()) {
      return token.startsWith("ist_")
          && is(
              read
                  ? Defect.ACCEPTS_MALFORMED_TOKEN_ON_READ
                  : Defect.ACCEPTS_MALFORMED_TOKEN_ON_SUBMIT);
    }
    if (token.equals(FORBIDDEN_TOKEN)) {
      return !is(Defect.FORBIDDEN_AS_401);
    }
    if (!token.equals(TOKEN)) {
      return is(Defect.ACCEPTS_UNKNOWN_TOKEN);
    }
    return true;
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
    refusedArrivals.add(arrivals.get(arrivals.size() - 1));
    long seconds = Math.max(1, (options.rateWindowMillis() + 999) / 1000);
    if (is(Defect.RETRY_AFTER_AS_HTTP_DATE)) {
      http.getResponseHeaders()
          .add(
              "Retry-After",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds)));
    } else if (is(Defect.RETRY_AFTER_NOT_A_NUMBER)) {
      http.getResponseHeaders().add("Retry-After", "soon");
    } else if (!is(Defect.NO_RETRY_AFTER)) {
      http.getResponseHeaders().add("Retry-After", String.valueOf(seconds));
    }
    send(http, 429, body);
  }

  private void analyze(HttpExchange http, byte[] body) throws IOException {
    JsonNode request =
        JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    JsonNode url = request.get("url");
    if (url == null || !url.isTextual()) {
      send(
          http,
          is(Defect.URL_REQUIRED_AS_422) ? 422 : 400,
          is(Defect.WRONG_URL_REQUIRED_MESSAGE)
              ? "{\"message\":\"url missing\"}"
              : voiced("submit-without-url", 400, "{\"message\":\"url is required\"}", null));
      return;
    }
    String value = url.asText();
    String code = value.replaceAll("^.*/(reel|p)/([^/?]+).*$", "$2");
    if (is(Defect.FORBIDS_VALID_TOKEN_ON_SUBMIT) && value.startsWith("https://example.com/")) {
      send(http, 403, "{\"message\":\"this token may not analyze reels\"}");
      return;
    }
    if (!acceptable(value, code)) {
      send(
          http,
          400,
          is(Defect.WRONG_NOT_INSTAGRAM_MESSAGE)
              ? "{\"message\":\"not a reel\"}"
              : is(Defect.NAMES_ANOTHER_HOST)
                  ? "{\"message\":\"URL must be an instagram.com link, got \\\"tiktok.com\\\"\"}"
                  : voiced(
                      "submit-not-instagram",
                      400,
                      "{\"message\":\"URL must be an instagram.com link\"}",
                      value));
      return;
    }
    if (code.startsWith("HTTP500")) {
      if (is(Defect.SERVER_ERROR_AS_HTML)) {
        send(http, 500, "text/html", "<html><body>Internal Server Error</body></html>");
      } else if (is(Defect.SERVER_ERROR_AS_503)) {
        send(http, 503, "{\"message\":\"the downloader fell over\"}");
      } else {
        send(
            http,
            500,
            voiced(
                "submit-server-failure", 500, "{\"message\":\"the downloader fell over\"}", null));
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
    boolean fails =
        options.everyJobFails() || (code.startsWith("ERROR") && !is(Defect.ERROR_REEL_ENDS_DONE));
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(2));
    Job job = new Job(id, value, ISO.format(at), fails, created % 2 == 0);
    jobs.put(id, job);
    String status = is(Defect.CREATED_AS_PROCESSING) ? "processing" : "pending";
    String idJson = is(Defect.STRING_IDS) ? "\"" + id + "\"" : String.valueOf(id);
    String idField =
        is(Defect.CREATED_WITHOUT_ID) && value.contains("/p/") ? "" : "\"id\":" + idJson + ",";
    send(http, 202, "{" + idField + "\"status\":\"" + status + "\",\"queue_position\":1}");
  }

  /** The spec's URL pattern, or the looser check a defect puts in its place. */
  private boolean acceptable(String value, String code) {
    boolean magic = code.startsWith("ERROR") || code.startsWith("HTTP500");
    if (is(Defect.REJECTS_POST_FORM) && value.contains("/p/")
        || is(Defect.REJECTS_BARE_HOST_FORM) && value.startsWith("https://instagram.com/")
        || is(Defect.REJECTS_TRACKING_QUERY) && value.contains("?")
        || is(Defect.REJECTS_WWW_REEL_FORM)
            && !magic
            && !value.contains("?")
            && value.startsWith("https://www.instagram.com/reel/")) {
      return false;
    }
    if (is(Defect.ACCEPTS_LOOKALIKE_HOST)) {
      return value.contains("instagram.com");
    }
    if (is(Defect.ACCEPTS_EXAMPLE_COM) && value.startsWith("https://example.com/")) {
      return true;
    }
    return REEL_URL.matcher(value).matches();
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
      } else if (is(Defect.NOT_FOUND_AS_400)) {
        send(http, 400, "{\"message\":\"no such job id\"}");
      } else {
        send(
            http,
            404,
            voiced("unknown-job", 404, "{\"message\":\"there is no job with that id\"}", null));
      }
      return;
    }
    job.reads++;
    if (is(Defect.REFUSES_VALID_TOKEN_ON_READ) && job.reads == 1) {
      send(http, 401, "{\"error\":\"invalid API token\"}");
      return;
    }
    if (terminal(job)) {
      job.terminalReads++;
    }
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
    if (is(Defect.LEAVES_DONE) && job.terminalReads == 2) {
      return "processing";
    }
    return job.fails ? "error" : "done";
  }

  private boolean terminal(Job job) {
    long age = (System.nanoTime() - job.createdNanos) / 1_000_000;
    return !is(Defect.NEVER_FINISHES)
        && age >= options.pendingMillis() + options.processingMillis();
  }

  private ObjectNode view(Job job) {
    String status = status(job);
    ObjectNode node = JSON.createObjectNode();
    node.put("id", is(Defect.ECHOES_ANOTHER_ID) ? job.id + 1 : job.id);
    node.put("url", is(Defect.URL_ECHO_DROPS_QUERY) ? job.url.replaceAll("\\?.*$", "") : job.url);
    node.put("status", status.equals("done") && is(Defect.STATUS_COMPLETED) ? "completed" : status);
    if (status.equals("error")) {
      String reason = "Reel is private or has been removed";
      if (options.voice() != null && !is(Defect.ERROR_WITH_EMPTY_REASON)) {
        reason = options.voice().jobError(reason);
        if (options.voice().bodyFor("job-failed").isPresent()) {
          voiced.add("job-failed");
        }
      }
      node.put("error", is(Defect.ERROR_WITH_EMPTY_REASON) ? "" : reason);
    } else if (status.equals("processing") && is(Defect.PROCESSING_WITH_ERROR)) {
      node.put("error", "still downloading");
    } else {
      node.putNull("error");
    }
    boolean reallyPending =
        (System.nanoTime() - job.createdNanos) / 1_000_000 < options.pendingMillis();
    if (status.equals("pending") && reallyPending && is(Defect.PENDING_CARRIES_RESULT)) {
      node.set("result", ReelsApiSpec.get().example("JobDoneCooking").get("result"));
    } else if (status.equals("done") && !is(Defect.DONE_WITHOUT_RESULT)
        || status.equals("pending") && is(Defect.PENDING_WITH_RESULT)
        || status.equals("error") && is(Defect.ERROR_WITH_RESULT)) {
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
    } else if (is(Defect.CREATED_AT_DATE_ONLY)) {
      node.put("created_at", job.createdAt.substring(0, 10));
    } else if (is(Defect.CREATED_AT_IS_NOW)) {
      node.put("created_at", ISO.format(OffsetDateTime.now(ZoneOffset.UTC)));
    } else {
      node.put("created_at", job.createdAt);
    }
    node.put("model_version", "2026-05");
    node.putObject("_links").put("self", "/api/v1/reels/" + job.id);
    return node;
  }

  /** The body for an error of {@code trigger}: the server's own, or its page's version. */
  private String voiced(String trigger, int status, String own, String submittedUrl) {
    if (options.voice() == null) {
      return own;
    }
    Optional<String> body = options.voice().errorBody(trigger, status, own, submittedUrl);
    body.ifPresent(b -> voiced.add(trigger));
    return body.orElse(own);
  }

  private void send(HttpExchange http, int status, String json) throws IOException {
    send(http, status, "application/json; charset=utf-8", json);
  }

  private void send(HttpExchange http, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String type = is(Defect.TEXT_PLAIN_CONTENT_TYPE) ? "text/plain" : contentType;
    http.getResponseHeaders().set("Content-Type", type);
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }
}
