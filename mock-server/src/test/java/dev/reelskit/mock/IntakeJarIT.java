package dev.reelskit.mock;

import static dev.reelskit.mock.HostileUploads.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The jar as users start it, with its defaults, against the uploads that stopped it before: stalled
 * bodies, bodies announced at a gigabyte, and a gigabyte of bodies without a token sent to a mock
 * with a 96 MB heap. An honest client on another connection is answered within a second throughout.
 */
class IntakeJarIT {

  private static final String HONEST = "Authorization: Bearer ist_honestJarClient000000000001";

  private MockJar jar;
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() {
    HostileUploads.closeAll(sockets);
    if (jar != null) {
      jar.close();
    }
  }

  private String local() {
    return "Host: 127.0.0.1:" + jar.port();
  }

  /** The slowest answer to an honest POST and GET, in turn, over {@code span}. */
  private Duration honestClientFor(Duration span) {
    long end = System.nanoTime() + span.toNanos();
    long slowest = 0;
    for (int i = 0; System.nanoTime() < end; i++) {
      long t0 = System.nanoTime();
      RawHttp.Response r =
          i % 2 == 0
              ? RawHttp.send(
                  jar.port(),
                  "POST",
                  HostileUploads.ANALYZE,
                  "{\"url\":\"https://www.instagram.com/reel/Honest" + i + "/\"}",
                  local(),
                  HONEST,
                  "Content-Type: application/json")
              : RawHttp.send(jar.port(), "GET", "/api/v1/reels/42", null, local(), HONEST);
      slowest = Math.max(slowest, System.nanoTime() - t0);
      assertThat(r.status()).as("honest request %d", i).isIn(200, 202);
    }
    return Duration.ofNanos(slowest);
  }

  @Test
  void two_hundred_stalled_uploads_with_and_without_a_token_leave_an_honest_client_served() {
    jar = MockJar.start(Map.of());
    for (int i = 0; i < 200; i++) {
      // headers and one byte of body, then nothing: half with a valid token, half without
      sockets.add(
          i % 2 == 0
              ? HostileUploads.stall(jar.port(), 100, 1, TOKEN)
              : HostileUploads.stall(jar.port(), 100, 1));
    }
    Duration slowest = honestClientFor(Duration.ofSeconds(3));
    System.out.printf(
        "jar, 200 stalled uploads: honest client's slowest %d ms%n", slowest.toMillis());
    assertThat(slowest).as("the honest client's slowest answer").isLessThan(Duration.ofSeconds(1));
    assertThat(jar.process().isAlive()).isTrue();
  }

  @Test
  void sixty_uploads_announcing_1_gb_are_refused_at_once_and_block_no_one() {
    jar = MockJar.start(Map.of());
    for (int i = 0; i < 60; i++) {
      sockets.add(HostileUploads.stall(jar.port(), 1L << 30, 1, TOKEN));
    }
    Duration slowest = honestClientFor(Duration.ofSeconds(2));
    List<Integer> statuses = new ArrayList<>();
    for (Socket s : sockets) {
      statuses.add(HostileUploads.statusOf(HostileUploads.readHead(s, 2_000)));
    }
    assertThat(statuses).as("what each 1 GB announcement got").containsOnly(413);
    assertThat(slowest).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void a_gigabyte_without_a_token_is_answered_401_by_a_mock_with_a_96_mb_heap() throws Exception {
    jar = MockJar.start(Map.of(), List.of("-Xmx96m"));
    List<HostileUploads.Outcome> outcomes =
        HostileUploads.floods(4, jar.port(), 256L << 20, 256L << 20);
    assertThat(outcomes).extracting(HostileUploads.Outcome::status).containsOnly(401);
    assertThat(honestClientFor(Duration.ofMillis(500))).isLessThan(Duration.ofSeconds(1));
    assertThat(jar.output()).doesNotContain("OutOfMemoryError");
  }
}
