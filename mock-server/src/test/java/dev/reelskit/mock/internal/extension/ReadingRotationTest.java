package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.Readings;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.ReelAnalysis;
import dev.reelskit.openapi.model.ReelJob;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code --readings rotate}: reel codes ROTATE0..ROTATE95 show every combination of the legal
 * readings, each job is read to done by the generated Java models, and a job with a large id
 * answers only to it. The MSW pack shows the same bodies for the same codes (MswHandlersIT).
 */
class ReadingRotationTest {

  private static final String TOKEN = "ist_readingsRotation0123456789";

  @Test
  void the_numbers_walk_every_combination_and_codes_without_digits_are_hashed() {
    Set<List<String>> all = new HashSet<>();
    for (int n = 0; n < ReadingRotation.COUNT; n++) {
      assertThat(ReadingRotation.index("ROTATE" + n)).isEqualTo(n);
      all.add(ReadingRotation.numbered(n).forms());
    }
    assertThat(ReadingRotation.COUNT).isEqualTo(96);
    assertThat(all).hasSize(96);
    assertThat(ReadingRotation.index("DYa0IXPgnP5")).isEqualTo(5);
    // 32-bit FNV-1a of "abc" is 0x1a47e90b; the MSW pack computes the same.
    assertThat(ReadingRotation.index("abc")).isEqualTo((int) (0x1a47e90bL % 96));
    assertThat(ReadingRotation.timestamp("2026-05-22T10:05:00.25+02:00", "offset"))
        .isEqualTo("2026-05-22T13:35:00.250+05:30");
    assertThat(ReadingRotation.timestamp("2026-05-22T10:00:00Z", "local"))
        .isEqualTo("2026-05-22T15:30:00");
  }

  @Test
  void every_reading_is_served_and_read_by_the_models() throws Exception {
    Map<String, Set<String>> met = new TreeMap<>();
    try (ReelsMock mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .profile(TimingProfile.FAST)
                .readings(Readings.ROTATE)
                .build())) {
      Http http = new Http(mock.baseUrl());
      for (int n = 0; n < ReadingRotation.COUNT; n++) {
        String url = "https://www.instagram.com/reel/ROTATE" + n + "/";
        Http.Response created =
            http.post(
                "/api/v1/reels/analyze",
                "{\"url\":\"" + url + "\"}",
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/json");
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.header("X-Reels-Reading")).startsWith("reading " + n + " of 96: ");
        long id = created.json().get("id").asLong();
        Http.Response last = null;
        for (int poll = 0; poll < 3; poll++) {
          last = http.poll(TOKEN, id);
        }
        // Read by the generated model, as a Java client reads it (created_at is a string in the
        // spec: every ISO 8601 reading, the no-offset one included, is accepted).
        ReelJob job = ReelsJson.mapper().readValue(last.body(), ReelJob.class);
        com.fasterxml.jackson.databind.JsonNode tree = last.json();
        assertThat(job.getStatus()).isEqualTo(JobStatus.DONE);
        assertThat(job.getId()).isEqualTo(id);
        assertThat(job.getUrl()).isEqualTo(url);
        ReelAnalysis result = job.getResult();
        String createdAt = tree.get("created_at").asText();
        met.computeIfAbsent("created_at", k -> new HashSet<>())
            .add(
                createdAt.endsWith("Z")
                    ? "utc"
                    : createdAt.endsWith("+05:30") ? "offset" : "local");
        if (!createdAt.endsWith("Z") && !createdAt.endsWith("+05:30")) {
          assertThat(java.time.LocalDateTime.parse(createdAt)).isNotNull();
        } else {
          assertThat(OffsetDateTime.parse(createdAt)).isNotNull();
        }
        Object hooks = result.getContent().getHooks();
        met.computeIfAbsent("hooks", k -> new HashSet<>())
            .add(hooks instanceof String ? "string" : "array");
        Object moment = result.getContent().getKeyMoments().get(0);
        met.computeIfAbsent("key_moments", k -> new HashSet<>())
            .add(moment instanceof String ? "strings" : "objects");
        met.computeIfAbsent("platform_meta", k -> new HashSet<>())
            .add(result.getPlatformMeta() == null ? "null" : "object");
        met.computeIfAbsent("extra_fields", k -> new HashSet<>())
            .add(last.json().has("source") ? "present" : "none");
        met.computeIfAbsent("id", k -> new HashSet<>())
            .add(id > ReadingRotation.LARGE_ID_OFFSET ? "large" : "plain");
        if (id > ReadingRotation.LARGE_ID_OFFSET) {
          assertThat(id).isGreaterThan(1L << 32).isLessThanOrEqualTo((1L << 53) - 1);
          assertThat(http.poll(TOKEN, id - ReadingRotation.LARGE_ID_OFFSET).status())
              .isEqualTo(404);
        }
      }
    }
    for (List<String> d : ReadingRotation.DIMENSIONS) {
      assertThat(met.get(d.get(0)))
          .as(d.get(0))
          .containsExactlyInAnyOrderElementsOf(d.subList(1, d.size()));
    }
  }
}
