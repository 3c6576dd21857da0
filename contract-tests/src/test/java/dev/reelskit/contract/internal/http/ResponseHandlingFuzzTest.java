package dev.reelskit.contract.internal.http;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.ContractConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the runner's response handling over a real socket: a server answers each request with
 * bytes built from the fuzzer's input (any status line, {@code Content-Type}, {@code Retry-After},
 * {@code Location}, a wrong or missing {@code Content-Length}, any body, the request's own {@code
 * Authorization} echoed back, or no HTTP at all). Every exchange must end as an {@link Exchange} or
 * a {@link ContractConfigurationException} with one line that says why (the run's exit 2), never
 * another exception; the token never shows in full; and it ends within the deadline and the bounded
 * 429 waits. Coverage-guided with Jazzer ({@code scripts/fuzz}); {@code mvn verify} runs the kept
 * inputs.
 */
class ResponseHandlingFuzzTest {

  private static final String TOKEN = "ist_responseFuzzToken0000000001";
  private static final String[] TYPES = {
    "application/json", "application/json; charset=utf-8", "text/html", "application/problem+json"
  };

  private static ServerSocket server;
  private static Thread acceptor;
  private static final AtomicReference<Answer> NEXT = new AtomicReference<>();
  private static ReelsHttp http;

  /** Stands for the request's Authorization header value in an answer: a server that echoes it. */
  private static final String ECHO = "{AUTH}";

  /** What the server sends, {@link #ECHO} replaced. */
  private record Answer(byte[] bytes) {}

  @BeforeAll
  static void start() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(ResponseHandlingFuzzTest::serve, "fuzzed-server");
    acceptor.setDaemon(true);
    acceptor.start();
    String baseUrl = "http://127.0.0.1:" + server.getLocalPort();
    ContractTestSettings settings =
        ContractTestSettings.builder(baseUrl, TOKEN)
            .pollInterval(Duration.ofMillis(10))
            .jobTimeout(Duration.ofMillis(200))
            .rateLimit(new RateLimit(1_000_000, Duration.ofMillis(50)))
            .requestTimeout(Duration.ofSeconds(2))
            .maxResponseBytes(64 * 1024)
            .build();
    http = new ReelsHttp(settings, exchange -> {});
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(15)
  void any_answer_is_judged_or_ends_the_run_with_one_line(FuzzedDataProvider data) {
    // The runner's own requests to the fuzzed server on loopback, not a forged destination.
    try (SilentCloseable loopback =
        BugDetectors.allowNetworkConnections(
            (host, port) ->
                port == server.getLocalPort() && host.matches("localhost|127\\.0\\.0\\.1"))) {
      exchange(data);
    }
  }

  private static void exchange(FuzzedDataProvider data) {
    boolean post = data.consumeBoolean();
    NEXT.set(answer(data));
    Exchange exchange;
    try {
      exchange =
          post
              ? http.submit(
                  "fuzzed submit", Auth.VALID, "{\"url\":\"https://www.instagram.com/reel/F/\"}")
              : http.read("fuzzed read", Auth.VALID, "7340000000000");
    } catch (ContractConfigurationException e) {
      String message = e.getMessage();
      if (message == null || message.isBlank() || message.contains("\n")) {
        throw new IllegalStateException("not one line: [" + message + "]", e);
      }
      if (message.contains(TOKEN)) {
        throw new IllegalStateException("the token in a transport failure: " + message, e);
      }
      return;
    }
    String seen = exchange.body() + exchange.requestHeaders() + exchange.specErrors();
    if (seen.contains(TOKEN) || String.valueOf(exchange.retryAfter()).contains(TOKEN)) {
      throw new IllegalStateException("the token in an exchange: " + exchange);
    }
    exchange.json();
    exchange.render("/status");
    exchange.render("/error");
  }

  private static Answer answer(FuzzedDataProvider data) {
    boolean echo = data.consumeBoolean();
    if (data.consumeInt(0, 9) == 0) {
      return new Answer(data.consumeBytes(2000)); // not HTTP at all
    }
    int status =
        data.consumeBoolean()
            ? data.pickValue(new int[] {200, 202, 404, 429, 500})
            : data.consumeInt(0, 999);
    StringBuilder head =
        new StringBuilder("HTTP/1.1 " + status + " " + data.consumeString(12) + "\r\n");
    if (echo) {
      head.append("X-Echo: " + ECHO + "\r\n");
    }
    if (data.consumeBoolean()) {
      head.append("Content-Type: ")
          .append(data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(40))
          .append("\r\n");
    }
    if (data.consumeBoolean()) {
      head.append("Retry-After: ")
          .append(
              data.consumeBoolean()
                  ? String.valueOf(data.consumeInt(-3, 3))
                  : data.consumeString(30))
          .append("\r\n");
    }
    if (data.consumeBoolean()) {
      head.append("Location: ").append(data.consumeString(60)).append("\r\n");
    }
    if (data.consumeBoolean()) {
      head.append("X-Reels-Api-Version: ").append(data.consumeString(20)).append("\r\n");
    }
    if (data.consumeBoolean()) {
      head.append(data.consumeString(20))
          .append(": ")
          .append(data.consumeString(40))
          .append("\r\n");
    }
    byte[] body =
        ((echo ? ECHO : "") + data.consumeRemainingAsString()).getBytes(StandardCharsets.UTF_8);
    int framing = body.length % 3;
    if (framing == 0) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (framing == 1) {
      head.append("Content-Length: ").append(body.length / 2 + 1).append("\r\n");
    } // else: no length, the body ends when the connection closes
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(body);
    return new Answer(bytes.toByteArray());
  }

  private static void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(5_000);
        String request = readHead(socket.getInputStream());
        Answer answer = NEXT.get();
        OutputStream out = socket.getOutputStream();
        String authorization =
            request
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Authorization:", 0, 14))
                .map(l -> l.substring(14).trim())
                .findFirst()
                .orElse("");
        out.write(
            new String(answer.bytes(), StandardCharsets.ISO_8859_1)
                .replace(ECHO, authorization)
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.shutdownOutput();
        drain(socket.getInputStream());
      } catch (IOException e) {
        // the client gave up on this answer, or the server closed
      }
    }
  }

  /** The request head (up to the blank line); the body is read by {@link #drain} after. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] rest = new byte[4096];
    while (in.read(rest) >= 0) {
      // until the client closes
    }
  }
}
