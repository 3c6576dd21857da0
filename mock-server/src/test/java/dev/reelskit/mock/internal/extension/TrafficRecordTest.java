package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.internal.conformance.TokenMask;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.MockServerSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficRecordTest {

  @Test
  void the_traffic_record_is_bounded_and_keeps_the_newest_requests() {
    MockServerSettings settings = MockServerSettings.builder().port(0).trafficCapacity(5).build();
    try (ReelsMock mock = ReelsMock.start(settings, MockClock.frozenAt(Instant.EPOCH))) {
      Http http = new Http(mock.baseUrl());
      for (int i = 0; i < 12; i++) {
        http.poll(ReelsMock.DEFAULT_TEST_TOKEN, 42);
      }
      http.get("/api/v1/reels/42");
      assertThat(mock.traffic().snapshot()).hasSize(5);
      assertThat(mock.traffic().dropped()).isEqualTo(8);
      TrafficEntry last = mock.traffic().snapshot().get(4);
      assertThat(last.seq()).isEqualTo(13);
      assertThat(last.token()).isEqualTo("<none>");
      assertThat(last.httpStatus()).isEqualTo(401);
      assertThat(last.at()).isEqualTo(Instant.EPOCH);
      assertThat(last.rejection()).isEqualTo("missing-token");
      assertThat(mock.traffic().snapshot().get(0).shown().getValue()).isEqualTo("done");
    }
  }

  @Test
  void tokens_are_fingerprinted_never_recorded() {
    assertThat(TokenMask.fingerprint("ist_abcdefghijklmnopqrstuvwxyz12")).isEqualTo("ist_****yz12");
    assertThat(TokenMask.fingerprint("ist_short")).isEqualTo("ist_****");
    assertThat(TokenMask.fingerprint(null)).isEqualTo("<none>");
  }
}
