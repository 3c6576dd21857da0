package dev.reelskit.mock.internal.security;

import static dev.reelskit.mock.HostileUploads.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.HeapWatch;
import dev.reelskit.mock.HostileUploads;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.SecuritySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The mock's intake against uploads written to hurt it, in this JVM so that its heap can be
 * measured: stalled and slow bodies, bodies announced far larger than the cap or streamed past it,
 * bodies without a token, gzip bombs, and more bodies at once than the intake budget holds.
 * Meanwhile an honest client keeps getting answers.
 */
class IntakeTest {

  private static final String BEARER = "ist_honestClientToken0000000001";
  private static final long MB = 1_000_000;

  private ReelsMock mock;
  private final List<Socket> sockets = new ArrayList<>();

  private void start(SecuritySettings security) {
    mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.FAST)
                .security(security)
                .build());
  }

  @AfterEach
  void stop() {
    HostileUploads.closeAll(sockets);
    if (mock != null) {
      mock.close();
    }
  }

  /** The slowest of an honest client's requests (a POST and a GET in turn) over {@code span}. */
  private Duration honestClientFor(Duration span) {
    Http http = new Http(mock.baseUrl());
    long end = System.nanoTime() + span.toNanos();
    long slowest = 0;
    int i = 0;
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      int status =
          i++ % 2 == 0
              ? http.post(
                      HostileUploads.ANALYZE,
                      "{\"url\":\"https://www.instagram.com/reel/Honest" + i + "/\"}",
                      "Authorization",
                      "Bearer " + BEARER,
                      "Content-Type",
                      "application/json")
                  .status()
              : http.get("/api/v1/reels/42", "Authorization", "Bearer " + BEARER).status();
      slowest = Math.max(slowest, System.nanoTime() - t0);
      assertThat(status).as("honest request %d", i).isIn(200, 202);
    }
    return Duration.ofNanos(slowest);
  }

  @Nested
  class stalled_uploads {

    @Test
    void two_hundred_with_a_valid_token_starve_no_one_and_each_gets_408_at_its_timeout() {
      Duration timeout = Duration.ofSeconds(3);
      start(SecuritySettings.defaults().withBodyTimeout(timeout));
      long opened = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        sockets.add(HostileUploads.stall(mock.port(), 100, 1, TOKEN)); // headers and one byte
      }

      Duration slowest = honestClientFor(Duration.ofSeconds(2));

      List<Integer> statuses = new ArrayList<>();
      for (Socket s : sockets) {
        statuses.add(HostileUploads.statusOf(HostileUploads.readHead(s, 10_000)));
      }
      Duration allAnswered = Duration.ofNanos(System.nanoTime() - opened);
      System.out.printf(
          "200 stalled uploads: honest client's slowest answer %d ms; all 408 after %d ms%n",
          slowest.toMillis(), allAnswered.toMillis());
      assertThat(slowest)
          .as("the honest client's slowest answer")
          .isLessThan(Duration.ofSeconds(1));
      assertThat(statuses).as("what each stalled upload got").containsOnly(408);
      assertThat(allAnswered)
          .as("every stalled upload cut off near its timeout")
          .isBetween(timeout, timeout.plusSeconds(5));
    }

    @Test
    void two_hundred_without_a_token_are_answered_401_at_once_unread() {
      start(SecuritySettings.defaults());
      for (int i = 0; i < 200; i++) {
        sockets.add(HostileUploads.stall(mock.port(), 100, 1));
      }
      Duration slowest = honestClientFor(Duration.ofSeconds(1));
      long t0 = System.nanoTime();
      for (Socket s : sockets) {
        String head = HostileUploads.readHead(s, 5_000);
        assertThat(HostileUploads.statusOf(head)).isEqualTo(401);
        assertThat(head).containsIgnoringCase("Connection: close");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(slowest).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Nested
  class announced_gigabytes {

    @Test
    void sixty_uploads_announcing_1_gb_get_413_at_once_and_block_no_one() {
      start(SecuritySettings.defaults());
      long t0 = System.nanoTime();
      for (int i = 0; i < 60; i++) {
        sockets.add(HostileUploads.stall(mock.port(), 1L << 30, 1, TOKEN));
      }
      for (Socket s : sockets) {
        String head = HostileUploads.readHead(s, 5_000);
        assertThat(HostileUploads.statusOf(head)).as(head).isEqualTo(413);
      }
      Duration answered = Duration.ofNanos(System.nanoTime() - t0);
      Duration slowest = honestClientFor(Duration.ofSeconds(1));
      System.out.printf(
          "60 uploads announcing 1 GB: all 413 in %d ms; honest client's slowest %d ms%n",
          answered.toMillis(), slowest.toMillis());
      assertThat(answered).isLessThan(Duration.ofSeconds(2));
      assertThat(slowest).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Nested
  class large_bodies_and_the_heap {

    @Test
    void four_256_mb_uploads_without_a_token_get_401_and_allocate_almost_nothing()
        throws Exception {
      start(SecuritySettings.defaults());
      HeapWatch watch = HeapWatch.start();
      List<HostileUploads.Outcome> outcomes =
          HostileUploads.floods(4, mock.port(), 256L << 20, 256L << 20);
      HeapWatch.Measured heap = watch.stop();
      System.out.println("four 256 MB uploads without a token: " + heap + ", " + outcomes);

      assertThat(outcomes).extracting(HostileUploads.Outcome::status).containsOnly(401);
      assertThat(heap.allocated()).as("bytes allocated (%s)", heap).isLessThan(64 * MB);
      assertThat(heap.oldGenPeakGrowth()).as("old generation peak").isLessThan(16 * MB);
    }

    @Test
    void a_chunked_upload_past_the_cap_gets_413_after_the_cap_and_no_more_is_kept()
        throws Exception {
      start(SecuritySettings.defaults());
      HeapWatch watch = HeapWatch.start();
      List<HostileUploads.Outcome> outcomes =
          HostileUploads.floods(4, mock.port(), -1, 256L << 20, TOKEN);
      HeapWatch.Measured heap = watch.stop();
      System.out.println("four chunked 256 MB uploads with a token: " + heap + ", " + outcomes);

      assertThat(outcomes).extracting(HostileUploads.Outcome::status).containsOnly(413);
      assertThat(heap.oldGenPeakGrowth()).as("old generation peak").isLessThan(16 * MB);
      assertThat(heap.allocated()).as("bytes allocated").isLessThan(64 * MB);
    }

    @Test
    void a_declared_length_over_the_cap_gets_413_before_any_byte_is_read() {
      start(SecuritySettings.defaults().withMaxBodyBytes(4096));
      Socket s = HostileUploads.stall(mock.port(), 4097, 0, TOKEN, "Expect: 100-continue");
      sockets.add(s);
      String head = HostileUploads.readHead(s, 5_000);
      assertThat(head).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
    }

    @Test
    void a_gzip_bomb_gets_413_without_being_inflated() throws Exception {
      start(SecuritySettings.defaults());
      byte[] bomb = gzipOfZeros(256L << 20);
      HeapWatch watch = HeapWatch.start();
      String head = post(bomb, TOKEN, "Content-Encoding: gzip");
      String magicOnly = post(bomb, TOKEN); // WireMock inflates on the magic bytes alone
      HeapWatch.Measured heap = watch.stop();
      System.out.printf(
          "gzip bomb (%d bytes on the wire, 256 MiB inflated), sent twice: %s%n",
          bomb.length, heap);

      assertThat(head).startsWith("HTTP/1.1 413 ");
      assertThat(magicOnly).startsWith("HTTP/1.1 413 ");
      assertThat(heap.oldGenPeakGrowth()).isLessThan(16 * MB);
      assertThat(heap.allocated()).isLessThan(64 * MB);
    }

    @Test
    void a_body_marked_gzip_that_is_not_gets_400_not_500() throws Exception {
      start(SecuritySettings.defaults());
      String head =
          post(
              "{\"url\":\"https://www.instagram.com/reel/X/\"}".getBytes(StandardCharsets.UTF_8),
              TOKEN,
              "Content-Encoding: gzip");
      assertThat(head).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void a_small_gzip_body_is_still_served() throws Exception {
      start(SecuritySettings.defaults());
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (OutputStream z = new GZIPOutputStream(zipped)) {
        z.write(
            "{\"url\":\"https://www.instagram.com/reel/Zipped/\"}"
                .getBytes(StandardCharsets.UTF_8));
      }
      assertThat(post(zipped.toByteArray(), TOKEN, "Content-Encoding: gzip"))
          .startsWith("HTTP/1.1 202 ");
    }
  }

  @Nested
  class the_budget_for_bodies_in_flight {

    @Test
    void uploads_beyond_it_get_503_with_retry_after_and_it_comes_back_after_the_timeout() {
      long cap = 64 * 1024; // budget: 32 bodies of 64 KiB
      Duration timeout = Duration.ofSeconds(2);
      start(SecuritySettings.defaults().withMaxBodyBytes(cap).withBodyTimeout(timeout));
      for (int i = 0; i < 40; i++) {
        sockets.add(HostileUploads.stall(mock.port(), cap, (int) cap - 1, TOKEN));
      }
      List<String> heads = new ArrayList<>();
      for (Socket s : sockets) {
        heads.add(HostileUploads.readHead(s, 10_000));
      }
      long busy = heads.stream().filter(h -> h.startsWith("HTTP/1.1 503 ")).count();
      long slow = heads.stream().filter(h -> h.startsWith("HTTP/1.1 408 ")).count();
      assertThat(busy).as("uploads beyond the budget").isEqualTo(8);
      assertThat(slow).as("uploads within it, cut off at the timeout").isEqualTo(32);
      assertThat(heads.stream().filter(h -> h.startsWith("HTTP/1.1 503 ")))
          .allSatisfy(h -> assertThat(h).contains("Retry-After: 1"));
      assertThat(honestClientFor(Duration.ofMillis(500))).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Nested
  class other_hostile_uploads {

    @Test
    void a_trickle_of_one_byte_every_200_ms_is_cut_off_at_the_timeout_not_kept_alive_by_it()
        throws Exception {
      Duration timeout = Duration.ofSeconds(2);
      start(SecuritySettings.defaults().withBodyTimeout(timeout));
      Socket s = HostileUploads.stall(mock.port(), 1000, 1, TOKEN);
      sockets.add(s);
      long t0 = System.nanoTime();
      Thread trickle =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 100; i++) {
                    Thread.sleep(200);
                    s.getOutputStream().write('x');
                    s.getOutputStream().flush();
                  }
                } catch (Exception e) {
                  // cut off: the point
                }
              });
      trickle.start();
      String head = HostileUploads.readHead(s, 10_000);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      trickle.interrupt();
      assertThat(head).startsWith("HTTP/1.1 408 ");
      assertThat(took).isBetween(timeout.minusMillis(100), timeout.plusSeconds(2));
    }

    @Test
    void a_request_hidden_in_an_unread_body_is_never_served() throws Exception {
      start(SecuritySettings.defaults());
      String smuggled =
          "GET /__admin/reels/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              + "POST /__admin/shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nContent-Length: 0\r\n\r\n";
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
        s.setSoTimeout(5_000);
        byte[] body = smuggled.getBytes(StandardCharsets.US_ASCII);
        String head =
            "POST /api/v1/reels/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n"; // no token: its body is never read
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(body);
        String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(all).startsWith("HTTP/1.1 401 ").containsOnlyOnce("HTTP/1.1 ");
      }
      assertThat(mock.isRunning()).as("the smuggled shutdown did not run").isTrue();
    }

    @Test
    void a_malformed_chunk_gets_400_and_harms_no_one() throws Exception {
      start(SecuritySettings.defaults());
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
        String request =
            "POST /api/v1/reels/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\n{\"ur\r\nzz-not-hex\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        assertThat(HostileUploads.readHead(s, 5_000)).startsWith("HTTP/1.1 400 ");
      }
      assertThat(honestClientFor(Duration.ofMillis(300))).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_body_at_the_cap_is_read_and_one_byte_more_is_refused() throws Exception {
      int cap = 4096;
      start(SecuritySettings.defaults().withMaxBodyBytes(cap));
      String json = "{\"url\":\"https://www.instagram.com/reel/AtTheCap/\"}";
      byte[] atCap = (json + " ".repeat(cap - json.length())).getBytes(StandardCharsets.UTF_8);
      assertThat(post(atCap, TOKEN)).startsWith("HTTP/1.1 202 ");
      byte[] over = (json + " ".repeat(cap + 1 - json.length())).getBytes(StandardCharsets.UTF_8);
      assertThat(post(over, TOKEN)).startsWith("HTTP/1.1 413 ");
    }

    @Test
    void uploads_that_vanish_mid_body_give_their_budget_back() throws Exception {
      long cap = 64 * 1024; // budget: 32 bodies of 64 KiB
      start(
          SecuritySettings.defaults().withMaxBodyBytes(cap).withBodyTimeout(Duration.ofSeconds(2)));
      for (int wave = 0; wave < 3; wave++) { // three times the budget, each wave dropped
        List<Socket> vanishing = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          vanishing.add(HostileUploads.stall(mock.port(), cap, (int) cap - 1, TOKEN));
        }
        Thread.sleep(300); // read as far as they go
        for (Socket s : vanishing) {
          s.setSoLinger(true, 0); // RST, as a crashed peer
        }
        HostileUploads.closeAll(vanishing);
      }
      Thread.sleep(300);
      for (int i = 0; i < 32; i++) { // a full budget's worth again: none may be refused as busy
        sockets.add(HostileUploads.stall(mock.port(), cap, (int) cap - 1, TOKEN));
      }
      for (Socket s : sockets) {
        assertThat(HostileUploads.readHead(s, 10_000)).startsWith("HTTP/1.1 408 ");
      }
    }
  }

  @Nested
  class over_http2 {

    /** A body that sends one byte and then nothing, never ending. */
    private java.net.http.HttpRequest.BodyPublisher oneByteThenNothing() {
      return java.net.http.HttpRequest.BodyPublishers.fromPublisher(
          subscriber ->
              subscriber.onSubscribe(
                  new java.util.concurrent.Flow.Subscription() {
                    private boolean sent;

                    @Override
                    public void request(long n) {
                      if (!sent) {
                        sent = true;
                        subscriber.onNext(java.nio.ByteBuffer.wrap(new byte[] {'{'}));
                      }
                    }

                    @Override
                    public void cancel() {}
                  }));
    }

    @Test
    void two_hundred_stalled_h2c_streams_starve_no_one() throws Exception {
      Duration timeout = Duration.ofSeconds(3);
      start(SecuritySettings.defaults().withBodyTimeout(timeout));
      java.net.URI analyze = java.net.URI.create(mock.baseUrl() + HostileUploads.ANALYZE);
      List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<Void>>> stalled =
          new ArrayList<>();
      for (int c = 0; c < 2; c++) { // Jetty takes 128 streams per connection
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newHttpClient();
        // a GET first: Java's client upgrades a connection to h2c on a request without a body
        var upgrade =
            h2.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(mock.baseUrl() + "/docs/openapi.yaml"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(upgrade.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        for (int i = 0; i < 100; i++) {
          stalled.add(
              h2.sendAsync(
                  java.net.http.HttpRequest.newBuilder(analyze)
                      .header("Authorization", TOKEN.substring("Authorization: ".length()))
                      .header("Content-Type", "application/json")
                      .POST(oneByteThenNothing())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.discarding()));
        }
      }
      Duration slowest = honestClientFor(Duration.ofSeconds(2));
      System.out.printf(
          "200 stalled h2c uploads: honest client's slowest answer %d ms%n", slowest.toMillis());
      // Java's client waits for its own request body before it reads an answer, so the 408s the
      // mock sends these streams at the timeout are not seen here; the honest client is the point
      stalled.forEach(f -> f.cancel(true));
      assertThat(slowest).isLessThan(Duration.ofSeconds(1));
    }
  }

  private String post(byte[] body, String... headers) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), mock.port())) {
      StringBuilder h = new StringBuilder("POST /api/v1/reels/analyze HTTP/1.1\r\n");
      h.append("Host: 127.0.0.1:").append(mock.port()).append("\r\n");
      h.append("Content-Type: application/json\r\n");
      for (String header : headers) {
        h.append(header).append("\r\n");
      }
      h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return HostileUploads.readHead(s, 30_000);
    }
  }

  private static byte[] gzipOfZeros(long n) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(out, 1 << 16)) {
      byte[] zeros = new byte[1 << 20];
      for (long i = 0; i < n; i += zeros.length) {
        z.write(zeros);
      }
    }
    return out.toByteArray();
  }
}
