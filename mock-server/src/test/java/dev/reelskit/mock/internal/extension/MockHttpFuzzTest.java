package dev.reelskit.mock.internal.extension;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.JobStoreSettings;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.ReelsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the mock's request intake over HTTP, through Jetty, the guard, the filters, the job engine
 * and the kit's admin routes: any method, path, {@code Host}, {@code Origin}, {@code
 * Authorization}, {@code Prefer}, {@code Content-Type} and body (JSON of any shape where JSON is
 * read). Invariants on every answer: no stack trace; no 5xx unless one was asked for (a {@code
 * Prefer} header, the documented {@code HTTP500} reel); under {@code /api/v1} only documented
 * statuses, as a JSON object, with an {@code error} or {@code message} for a refusal; a foreign
 * {@code Host} always refused (403, or 400 for a request Jetty cannot parse), a foreign {@code
 * Origin} never let into the admin API; each answer within the socket timeout. Coverage-guided with
 * Jazzer ({@code scripts/fuzz}); {@code mvn verify} runs the kept inputs.
 */
class MockHttpFuzzTest {

  /** The API's statuses the docs and the spec describe (500 only when asked for). */
  private static final Set<Integer> API_STATUSES =
      Set.of(200, 202, 204, 400, 401, 403, 404, 405, 406, 413, 415, 429);

  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
  private static final String[] PATHS = {
    "/api/v1/reels/analyze",
    "/api/v1/reels/%d",
    "/api/v1/reels/%s",
    "/api/v1/%s",
    "/__admin/reels/clock/advance",
    "/__admin/reels/clock",
    "/__admin/reels/jobs/%d/state",
    "/__admin/reels/jobs/%d",
    "/__admin/reels/jobs",
    "/__admin/reels/traffic?token=%s",
    "/__admin/reels/client-report?%s",
    "/__admin/scenarios/reel-job-%d/state",
    "/docs/%s",
    "/%s"
  };
  private static final String[] TYPES = {
    "application/json", "text/plain", "application/x-www-form-urlencoded"
  };
  private static final String[] URLS = {
    "https://www.instagram.com/reel/FuzzReel1/",
    "https://instagram.com/reel/FuzzReel2/?igsh=abc",
    "https://www.instagram.com/p/FuzzPost3/",
    "https://www.tiktok.com/@x/video/1",
    "https://instagram.com.evil.io/reel/x/",
    "https://www.instagram.com/reel/ERRORprivate01/",
    "https://www.instagram.com/reel/HTTP500crash01/"
  };
  private static final String[] STATES = {"pending", "processing", "done", "error", "Started"};
  private static final String[] FOREIGN = {"evil.example", "attacker.test:80"};

  private static ReelsMock mock;

  @BeforeAll
  static void start() {
    mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.FAST)
                .jobStore(JobStoreSettings.defaults().withMaxJobs(2_000))
                .trafficCapacity(2_000)
                .build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(20)
  void every_request_gets_a_documented_answer(FuzzedDataProvider data) throws IOException {
    // The test's own connections to the mock on loopback, not a request forgery by the mock.
    try (SilentCloseable loopback =
        BugDetectors.allowNetworkConnections(
            (host, port) -> port == mock.port() && host.matches("localhost|127\\.0\\.0\\.1"))) {
      judge(data);
    }
  }

  private void judge(FuzzedDataProvider data) throws IOException {
    String method = data.pickValue(METHODS);
    String path =
        data.pickValue(PATHS)
            .replace("%d", String.valueOf(data.consumeInt(-2, 60)))
            .replace("%s", URLEncoder.encode(data.consumeString(40), StandardCharsets.UTF_8));
    boolean foreignHost = data.consumeInt(0, 7) == 0;
    String host =
        foreignHost
            ? data.pickValue(FOREIGN)
            : data.consumeBoolean() ? "127.0.0.1:" + mock.port() : header(data.consumeString(40));
    int originKind = data.consumeInt(0, 3);
    String origin =
        switch (originKind) {
          case 0 -> null;
          case 1 -> "http://localhost:5173";
          case 2 -> "http://" + data.pickValue(FOREIGN);
          default -> header(data.consumeString(40));
        };
    String authorization =
        switch (data.consumeInt(0, 3)) {
          case 0 -> null;
          case 1 -> "Bearer " + ReelsMock.DEFAULT_TEST_TOKEN;
          case 2 -> "Bearer ist_your_token";
          default -> header(data.consumeString(60));
        };
    String prefer = data.consumeBoolean() ? null : harmlessPrefer(header(data.consumeString(60)));
    String type = data.consumeBoolean() ? data.pickValue(TYPES) : header(data.consumeString(30));
    String body = body(data);

    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    request.append("Host: ").append(host).append("\r\n");
    append(request, "Origin", origin);
    append(request, "Authorization", authorization);
    append(request, "Prefer", prefer);
    append(request, "Content-Type", body == null ? null : type);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    String sent = request + (body == null ? "" : body);

    Answer answer = send(request.toString(), bytes);

    String text = answer.head + answer.body;
    // The traffic record and the client report repeat earlier requests, this fuzz run's included.
    boolean echoesTraffic =
        path.startsWith("/__admin/reels/traffic")
            || path.startsWith("/__admin/reels/client-report");
    if (!echoesTraffic && text.contains("\tat ")
        || text.contains("Caused by:")
        || text.contains("Exception") && !sent.contains("Exception")) {
      throw new IllegalStateException(
          "a stack trace or exception in the answer to\n" + sent + "\n\n" + text);
    }
    boolean askedFor5xx = prefer != null || body != null && body.contains("HTTP500");
    if (answer.status >= 500 && !askedFor5xx) {
      throw new IllegalStateException(
          "an unasked " + answer.status + " for\n" + sent + "\n\n" + text);
    }
    // 403 from the guard; 400 when Jetty cannot even parse the request (no handler saw it).
    if (foreignHost && answer.status != 403 && answer.status != 400) {
      throw new IllegalStateException("a foreign Host answered " + answer.status + ":\n" + sent);
    }
    if (path.startsWith("/__admin") && originKind == 2 && answer.status < 400) {
      throw new IllegalStateException("a foreign Origin let into the admin API:\n" + sent);
    }
    if (path.startsWith("/api/v1/") && !method.equals("OPTIONS") && answer.status < 500) {
      if (!API_STATUSES.contains(answer.status)) {
        throw new IllegalStateException(
            "undocumented " + answer.status + " for\n" + sent + "\n\n" + text);
      }
      if (answer.status != 204) {
        JsonNode json = json(answer.body);
        if (json == null || !json.isObject()) {
          throw new IllegalStateException("not a JSON object for\n" + sent + "\n\n" + text);
        }
        if (answer.status >= 400
            && !json.path("error").isTextual()
            && !json.path("message").isTextual()) {
          throw new IllegalStateException(
              "a refusal without error or message:\n" + sent + "\n\n" + text);
        }
      }
    }
  }

  private record Answer(int status, String head, String body) {}

  private static Answer send(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0 && all.size() < 4 * 1024 * 1024) {
        all.write(buffer, 0, n);
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.1 ") || end < 0) {
        throw new IllegalStateException("not an HTTP answer to\n" + head + "\n\n" + text);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      String answerHead = text.substring(0, end);
      String answerBody = text.substring(end + 4);
      if (answerHead.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
        answerBody = unchunk(answerBody);
      }
      return new Answer(status, answerHead, answerBody);
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }

  /** A body: a submission, an admin command, or anything at all; null for none. */
  private static String body(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 5)) {
      case 0 -> null;
      case 1 -> "{\"url\":\"" + data.pickValue(URLS) + "\"}";
      case 2 -> "{\"url\":" + ReelsJson.mapper().valueToTree(data.consumeString(80)) + "}";
      case 3 ->
          "{\"seconds\":"
              + data.pickValue(
                  new String[] {
                    "30", "-5", "1e300", "NaN", "\"x\"", "[1]", String.valueOf(data.consumeLong())
                  })
              + "}";
      case 4 ->
          "{\"state\":\""
              + data.pickValue(STATES)
              + "\",\"duration\":\""
              + header(data.consumeString(20))
              + "\"}";
      default -> data.consumeRemainingAsString();
    };
  }

  /**
   * The {@code Prefer} header without its two keys whose documented effect is a broken connection
   * or a wait (a fault or a delay are answers the fuzzer should not judge as hangs).
   */
  private static String harmlessPrefer(String value) {
    return value.replaceAll("(?i)fault|delay", "x");
  }

  /** A header value HTTP can carry: printable Latin-1, no line breaks. */
  private static String header(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(c >= 0x20 && c != 0x7f && c <= 0xff ? c : '?');
    }
    return out.toString();
  }

  private static void append(StringBuilder request, String name, String value) {
    if (value != null) {
      request.append(name).append(": ").append(value).append("\r\n");
    }
  }

  private static JsonNode json(String body) {
    try {
      return ReelsJson.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
