package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The traffic record keeps a bounded amount per request, whatever path a peer sends. */
class TrafficPathBoundTest {

  @RegisterExtension
  ReelsMockExtension mock = ReelsMockExtension.builder().failOnUnmatchedRequests(false).build();

  @Test
  void a_long_path_is_cut_in_the_record_and_a_preflight_is_not_recorded() {
    Http http = new Http(mock.baseUrl());
    http.get("/api/v1/reels/" + "x".repeat(4_000), "Authorization", "Bearer " + mock.token());
    http.method(
        "OPTIONS",
        "/api/v1/reels/analyze",
        null,
        "Origin",
        "http://localhost:5173",
        "Access-Control-Request-Method",
        "POST");

    List<TrafficEntry> entries = mock.traffic().snapshot();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path()).hasSize(TrafficRecorder.MAX_PATH + 3).endsWith("xx...");
  }
}
