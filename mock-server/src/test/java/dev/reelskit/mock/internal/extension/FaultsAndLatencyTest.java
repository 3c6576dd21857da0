package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.Latency;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.ReelsApiSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults and latency without writing a stub: {@code Prefer}, magic reel codes, {@code --latency}.
 */
class FaultsAndLatencyTest {

  private static final String TOKEN = "ist_your_token";
  private ReelsMock mock;
  private Http http;

  private Http start(MockServerSettings.Builder settings) {
    mock = ReelsMock.start(settings.port(0).profile(TimingProfile.FAST).build());
    http = new Http(mock.baseUrl());
    return http;
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  private static long millisOf(Runnable r) {
    long started = System.nanoTime();
    r.run();
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Nested
  class prefer {

    @ParameterizedTest(name = "Prefer: fault={0} breaks the answer")
    @ValueSource(strings = {"connection-reset", "empty-response", "malformed-chunk", "random-data"})
    void a_fault_breaks_the_answer(String fault) {
      start(MockServerSettings.builder());
      assertThatThrownBy(
              () ->
                  http.get(
                      "/api/v1/reels/42",
                      "Authorization",
                      "Bearer " + TOKEN,
                      "Prefer",
                      "fault=" + fault))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(http.poll(TOKEN, 42).status()).isEqualTo(200);
    }

    @Test
    void a_delay_holds_the_answer_back_that_long() {
      start(MockServerSettings.builder());
      long ms =
          millisOf(
              () ->
                  assertThat(
                          http.get(
                                  "/api/v1/reels/42",
                                  "Authorization",
                                  "Bearer " + TOKEN,
                                  "Prefer",
                                  "delay=600")
                              .status())
                      .isEqualTo(200));
      assertThat(ms).isGreaterThanOrEqualTo(600);
    }

    @ParameterizedTest(name = "Prefer: {0} is refused with a JSON 400")
    @ValueSource(
        strings = {"delay=999999999", "delay=60001", "delay=-5", "delay=soon", "fault=meltdown"})
    void an_absurd_value_is_refused_with_a_json_400(String prefer) {
      start(MockServerSettings.builder());
      Http.Response r =
          http.get("/api/v1/reels/42", "Authorization", "Bearer " + TOKEN, "Prefer", prefer);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.json().get("message").asText()).startsWith("Prefer: ");
    }
  }

  @Nested
  class magic_reel_codes {

    @Test
    void a_flaky_job_answers_500_on_every_third_poll_and_still_finishes() {
      start(MockServerSettings.builder());
      long id = http.submit(TOKEN, "https://www.instagram.com/reel/FLAKY1/");
      List<Integer> statuses = new ArrayList<>();
      String last = "";
      for (int i = 0; i < 12 && !last.equals("done"); i++) {
        Http.Response r = http.poll(TOKEN, id);
        statuses.add(r.status());
        if (r.status() == 500) {
          assertThat(r.json()).isEqualTo(ReelsApiSpec.get().example("ServerMessageError"));
        } else {
          last = r.json().get("status").asText();
        }
      }
      assertThat(last).isEqualTo("done");
      assertThat(statuses).containsExactly(200, 200, 500, 200);
      assertThat(mock.traffic().snapshot())
          .filteredOn(e -> e.httpStatus() == 500)
          .allMatch(e -> e.jobId() == id);
    }

    @Test
    void each_poll_of_a_slow_job_takes_seconds() {
      start(MockServerSettings.builder());
      long id = http.submit(TOKEN, "https://www.instagram.com/reel/SLOW1/");
      long ms =
          millisOf(
              () ->
                  assertThat(http.poll(TOKEN, id).json().get("status").asText())
                      .isEqualTo("pending"));
      assertThat(ms).isGreaterThanOrEqualTo(ReelsApiTransformer.SLOW_POLL_MILLIS);
    }
  }

  @Nested
  class latency {

    @Test
    void realistic_latency_holds_every_api_answer_back_tens_to_hundreds_of_ms() {
      start(MockServerSettings.builder().latency(Latency.REALISTIC));
      for (int i = 0; i < 5; i++) {
        assertThat(millisOf(() -> http.poll(TOKEN, 42)))
            .isGreaterThanOrEqualTo(LatencyTransformer.MIN_MILLIS);
      }
    }

    @Test
    void the_draws_are_lognormal_around_80_ms_and_repeat_with_the_seed() {
      mock = ReelsMock.start(MockServerSettings.builder().port(0).build());
      long[] a = new long[1000];
      LatencyTransformer one = new LatencyTransformer(42, null);
      LatencyTransformer two = new LatencyTransformer(42, null);
      for (int i = 0; i < a.length; i++) {
        a[i] = one.nextMillis();
        assertThat(two.nextMillis()).isEqualTo(a[i]);
      }
      long[] sorted = LongStream.of(a).sorted().toArray();
      assertThat(sorted[0]).isGreaterThanOrEqualTo(LatencyTransformer.MIN_MILLIS);
      assertThat(sorted[sorted.length - 1]).isLessThanOrEqualTo(LatencyTransformer.MAX_MILLIS);
      assertThat(sorted[500]).isBetween(60L, 100L);
      assertThat(sorted[950]).isGreaterThan(150L);
    }

    @Test
    void no_latency_is_added_by_default() {
      start(MockServerSettings.builder());
      http.poll(TOKEN, 42); // warm up
      assertThat(millisOf(() -> http.poll(TOKEN, 42))).isLessThan(1000);
    }
  }

  @Nested
  class version_header {

    @Test
    void every_api_answer_carries_the_spec_s_version_whoever_built_it() {
      start(MockServerSettings.builder());
      String version = ReelsApiSpec.get().version();
      assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
      mock.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/reels/77")
              .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("stub")));
      List<Http.Response> answers =
          List.of(
              http.poll(TOKEN, 42),
              http.get("/api/v1/reels/42"),
              http.poll(TOKEN, 999_999),
              http.get("/api/v9", "Authorization", "Bearer " + TOKEN),
              http.poll(TOKEN, 77),
              http.post(
                  "/api/v1/reels/analyze",
                  "{}",
                  "Authorization",
                  "Bearer " + TOKEN,
                  "Content-Type",
                  "application/json"));
      assertThat(answers)
          .extracting(Http.Response::status)
          .containsExactly(200, 401, 404, 404, 200, 400);
      assertThat(answers)
          .allSatisfy(
              r -> assertThat(r.header(ApiHeadersTransformer.VERSION_HEADER)).isEqualTo(version));
      assertThat(http.get("/docs/openapi.yaml").header(ApiHeadersTransformer.VERSION_HEADER))
          .isNull();
    }
  }
}
