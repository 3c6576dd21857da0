package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/mock.md, "Record once, replay": the jar records the docs' timings from a HAR, then replays
 * them at 10x, as users run it ({@code java -jar reels-mock-server.jar record ...}, then {@code
 * --replay DIR --time-scale 10}).
 */
class RecordReplayJarIT {

  static final String TOKEN = "ist_replayedByTheJar00000000001";

  @TempDir Path dir;

  @Test
  void the_jar_records_a_har_and_replays_it_scaled() throws Exception {
    Path har = Path.of("src/test/resources/record/docs-timings.har");
    Path recorded = dir.resolve("recorded");

    MockJar.Finished record =
        MockJar.run(Map.of(), "record", "--har", har.toString(), "--out", recorded.toString());

    assertThat(record.exitCode()).as(record.output()).isZero();
    assertThat(record.output())
        .contains("job 1: pending 12.5 s, processing 55.0 s, done (14 polls, every 5.0 s)")
        .doesNotContain("ist_harRecordedSecretToken");
    assertThat(Files.readString(recorded.resolve("profile.json")))
        .doesNotContain("ist_harRecordedSecretToken");

    try (MockJar jar =
        MockJar.start(Map.of(), "--replay", recorded.toString(), "--time-scale", "10")) {
      assertThat(jar.output()).contains("replay of 1 recorded job(s) (time scale x10)");
      Http http = new Http("http://127.0.0.1:" + jar.port());
      long id = http.submit(TOKEN, "https://www.instagram.com/reel/DYa0IXPgnP5/");
      long start = System.nanoTime();
      List<String> seen = new ArrayList<>();
      String status = "pending";
      while (!status.equals("done") && System.nanoTime() - start < 60_000_000_000L) {
        Thread.sleep(250); // 2.5 s of recorded time at 10x
        status = http.poll(TOKEN, id).json().get("status").asText();
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
          seen.add(status);
        }
      }
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(seen).as("statuses seen").containsSubsequence("processing", "done");
      assertThat(tookMillis)
          .as("67.5 s recorded, at 10x: about 6.75 s (less the POST's own time)")
          .isBetween(4_000L, 30_000L);
    }
  }
}
