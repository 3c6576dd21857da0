package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.ContractConfigurationException;
import dev.reelskit.contract.servers.HostileServer;
import dev.reelskit.contract.servers.HostileServer.Behaviour;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One request through the suite's HTTP stack ({@link ReelsHttp}) against answers built to exhaust
 * it, in this JVM: what it reads is measured as the bytes this thread allocated, the waits at the
 * server that counts the requests. The jar's whole run against the same servers is {@code
 * HostileServerIT}.
 */
class HostileAnswersTest {

  private static final String JSON = "{\"id\":42,\"status\":\"pending\"}";

  private static ContractTestSettings settings(String baseUrl) {
    return ContractTestSettings.builder(baseUrl, ReelsTestServer.TOKEN)
        .pollInterval(Duration.ofMillis(50))
        .jobTimeout(Duration.ofSeconds(10))
        .requestTimeout(Duration.ofSeconds(30))
        .rateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
        .build();
  }

  private static Exchange submit(String baseUrl) {
    List<Exchange> recorded = new ArrayList<>();
    return new ReelsHttp(settings(baseUrl), recorded::add).submit("submit", Auth.VALID, "{}");
  }

  /** Bytes this thread allocated while {@code action} ran. */
  private static long allocated(Runnable action) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    action.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DEFLATE_BOMB", "GZIP_BOMB"})
  void a_compression_bomb_meets_the_cap_once_decoded_in_a_few_megabytes(String bomb) {
    List<Throwable> thrown = new ArrayList<>();
    long bytes;
    try (HostileServer server = HostileServer.start(Behaviour.valueOf(bomb))) {
      failure(server.baseUrl()); // warms REST Assured and the validator up: not the bomb's cost
      bytes = allocated(() -> thrown.add(failure(server.baseUrl())));
    }
    String coding = bomb.equals("GZIP_BOMB") ? "gzip" : "deflate";
    System.out.printf("%s: %d MB allocated for one 1 GB answer%n", bomb, bytes >> 20);

    assertThat(thrown.get(0))
        .isInstanceOf(ContractConfigurationException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .matches(
            "the POST http://127\\.0\\.0\\.1:\\d+/api/v1/reels/analyze response larger than"
                + " 2097152 bytes once decoded from Content-Encoding: "
                + coding
                + " \\(--max-response-bytes\\)");
    // The cap is 2 MiB: a handful of copies of it, never the gigabyte.
    assertThat(bytes).isLessThan(64L << 20);
  }

  /** What one submission threw, or null. */
  private static Throwable failure(String baseUrl) {
    try {
      submit(baseUrl);
      return null;
    } catch (RuntimeException | OutOfMemoryError e) {
      return e;
    }
  }

  @Test
  void a_coding_the_suite_did_not_ask_for_is_refused_by_name() {
    try (HostileServer server = HostileServer.start(Behaviour.UNKNOWN_ENCODING)) {
      assertThatThrownBy(() -> submit(server.baseUrl()))
          .isInstanceOf(ContractConfigurationException.class)
          .hasMessageEndingWith(
              "/api/v1/reels/analyze response has Content-Encoding: br, which the suite does not"
                  + " decode (it asks for gzip, deflate)");
    }
  }

  @Test
  void a_flood_of_interim_answers_is_cut_after_ten() {
    try (HostileServer server = HostileServer.start(Behaviour.CONTINUE_FLOOD)) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(() -> submit(server.baseUrl()))
                  .isInstanceOf(ContractConfigurationException.class)
                  .hasMessageEndingWith(
                      "response came after more than 10 interim (1xx) answers; the suite reads at"
                          + " most 10"));
    }
  }

  @Test
  void a_trailer_without_end_is_cut_after_two_hundred_fields_in_a_few_megabytes() {
    List<Throwable> thrown = new ArrayList<>();
    long bytes;
    try (HostileServer server = HostileServer.start(Behaviour.TRAILER_FLOOD)) {
      failure(server.baseUrl());
      bytes = allocated(() -> thrown.add(failure(server.baseUrl())));
    }
    System.out.printf("TRAILER_FLOOD: %d MB allocated%n", bytes >> 20);

    assertThat(thrown.get(0))
        .isInstanceOf(ContractConfigurationException.class)
        .hasMessageEndingWith(
            "response's trailer passes 200 fields or 16384 bytes a line (Maximum header count"
                + " exceeded)");
    assertThat(bytes).isLessThan(64L << 20);
  }

  @Test
  void stacked_codings_are_refused_by_name() throws IOException {
    HttpServer server = answering("gzip, deflate", encode("gzip", JSON.getBytes()));
    try {
      assertThatThrownBy(() -> submit("http://127.0.0.1:" + server.getAddress().getPort()))
          .isInstanceOf(ContractConfigurationException.class)
          .hasMessageEndingWith(
              "response has stacked codings (Content-Encoding: gzip, deflate); the suite decodes"
                  + " one (gzip, deflate)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void compressed_answers_of_a_correct_server_are_read_decoded() throws IOException {
    byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
    for (String coding : List.of("gzip", "x-gzip", "deflate", "deflate-raw", "identity")) {
      byte[] wire = encode(coding, json);
      String header = coding.equals("deflate-raw") ? "deflate" : coding;
      HttpServer server = answering(header, wire);
      try {
        Exchange exchange = submit("http://127.0.0.1:" + server.getAddress().getPort());

        assertThat(exchange.body()).as(coding).isEqualTo(JSON);
        assertThat(exchange.json().path("id").asInt()).as(coding).isEqualTo(42);
      } finally {
        server.stop(0);
      }
    }
  }

  @Test
  void an_answer_that_does_not_decode_is_named() throws IOException {
    HttpServer server = answering("gzip", JSON.getBytes(StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> submit("http://127.0.0.1:" + server.getAddress().getPort()))
          .isInstanceOf(ContractConfigurationException.class)
          .hasMessageEndingWith(
              "response does not decode as Content-Encoding: gzip (Not in GZIP format)");
    } finally {
      server.stop(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TOO_MANY_RETRY_AFTER_ZERO", "TOO_MANY_RETRY_AFTER_NEGATIVE"})
  void a_retry_after_of_zero_or_less_backs_off_and_gives_up_after_five_retries(String behaviour) {
    try (HostileServer server = HostileServer.start(Behaviour.valueOf(behaviour))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(() -> submit(server.baseUrl()))
                  .isInstanceOf(ContractConfigurationException.class)
                  .hasMessageContaining("the server kept answering 429 Too Many Requests")
                  .hasMessageEndingWith("still 429 after 5 retries of one request"));
      List<Long> arrivals = server.arrivals();

      // Read as absent: 100, 200, 400, 800 and 1600 ms from the poll interval, measured here.
      assertThat(arrivals).hasSize(6);
      for (int i = 1; i < arrivals.size(); i++) {
        assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)))
            .isGreaterThanOrEqualTo(Duration.ofMillis(100L << (i - 1)));
      }
    }
  }

  @Test
  void a_retry_after_of_thirty_years_is_not_waited_for() {
    try (HostileServer server = HostileServer.start(Behaviour.TOO_MANY_RETRY_AFTER_HUGE)) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(() -> submit(server.baseUrl()))
                  .hasMessageEndingWith(
                      "Retry-After's wait (over 30 years) would make the waits in a row longer"
                          + " than 10000 ms (--job-timeout)"));
      assertThat(server.requests()).hasSize(1);
    }
  }

  private static byte[] encode(String coding, byte[] json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStream encoder =
        switch (coding) {
          case "gzip", "x-gzip" -> new GZIPOutputStream(out);
          case "deflate" -> new DeflaterOutputStream(out);
          case "deflate-raw" -> new DeflaterOutputStream(out, new Deflater(6, true));
          default -> out;
        };
    try (encoder) {
      encoder.write(json);
    }
    return out.toByteArray();
  }

  /** A server answering every request 202 with {@code body} and this Content-Encoding. */
  private static HttpServer answering(String coding, byte[] body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        http -> {
          http.getRequestBody().readAllBytes();
          http.getResponseHeaders().add("Content-Type", "application/json");
          http.getResponseHeaders().add("Content-Encoding", coding);
          http.sendResponseHeaders(202, body.length);
          try (OutputStream out = http.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }
}
