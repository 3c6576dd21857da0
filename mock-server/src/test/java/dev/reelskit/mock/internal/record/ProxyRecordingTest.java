package dev.reelskit.mock.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.JobStoreSettings;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.ReelsJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --proxy-to URL} in front of a server that behaves like the real API ({@link
 * FakeReelsServer}: pending 1.5 s, processing 2 s, on real time), with a client polling every 100
 * ms through the proxy; then the recording replayed on a frozen clock, polled every 50 ms of mock
 * time: each state lasts what the client saw it last in the recording, within the poll gap around
 * each change.
 */
class ProxyRecordingTest {

  static final String TOKEN = "ist_proxiedClientSecret000000001";
  static final Duration POLL = Duration.ofMillis(100);
  static final Pattern LISTENING =
      Pattern.compile("Recording proxy on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path dir;

  /** What the client saw of one job: each status and when it was first seen, and the gaps. */
  record Seen(Map<String, Instant> first, Map<String, Duration> gapBefore, JsonNode last) {
    Duration lasted(String state, String next) {
      return Duration.between(first.get(state), first.get(next));
    }
  }

  @Test
  void jobs_recorded_through_the_proxy_replay_with_their_durations_results_and_error_texts()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Seen> seen = new ArrayList<>();
    try (FakeReelsServer real =
        new FakeReelsServer(Duration.ofMillis(1_500), Duration.ofMillis(2_000))) {
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
      CompletableFuture<Integer> recording =
          CompletableFuture.supplyAsync(
              () ->
                  ReplayTest.cli(print, print)
                      .execute(
                          "record",
                          "--proxy-to",
                          real.baseUrl(),
                          "--port",
                          "0",
                          "--out",
                          dir.toString(),
                          "--keep-results",
                          "--jobs",
                          "2"));
      String proxy = awaitProxy(out);
      Http http = new Http(proxy);
      http.poll(TOKEN, 1); // the proxy's first request builds its HTTP client: not in a timeline
      long done = http.submit(TOKEN, "https://www.instagram.com/reel/LatteArt/");
      Instant doneCreated = Instant.now();
      long failed = http.submit(TOKEN, "https://www.instagram.com/reel/ERRORprivate/");
      Instant failedCreated = Instant.now();
      seen.addAll(pollToEnd(http, List.of(done, failed), List.of(doneCreated, failedCreated)));
      assertThat(recording.get(30, TimeUnit.SECONDS)).as(out.toString()).isZero();
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("job 1: pending").contains("2 job(s) recorded in");

    JsonNode profile = ReelsJson.mapper().readTree(dir.resolve("profile.json").toFile());
    assertThat(profile.get("source").asText()).isEqualTo("proxy");
    JsonNode first = profile.get("jobs").get(0);
    assertThat(first.get("ends_in").asText()).isEqualTo("done");
    assertThat(first.get("pending_ms").asLong())
        .as("the server's 1.5 s; the client saw %s; %s", seen, profile)
        .isBetween(1_000L, 2_500L);
    assertThat(first.get("processing_ms").asLong())
        .as("the server's 2 s; %s", profile)
        .isBetween(1_500L, 3_000L);
    assertThat(profile.get("jobs").get(1).get("error").asText())
        .isEqualTo("Video is not available");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(TOKEN);
      }
    }
    assertThat(printed).doesNotContain(TOKEN);

    try (ReelsMock mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .jobStore(JobStoreSettings.defaults().withReplay(dir))
                .build(),
            MockClock.frozenAt(Instant.parse("2026-05-22T10:00:00Z")))) {
      Http http = new Http(mock.baseUrl());
      for (int n = 0; n < 4; n++) { // new ids 100-103: the recording's jobs 1, 2, 1, 2
        long id = http.submit(TOKEN, "https://www.instagram.com/reel/Replayed" + n + "/");
        Seen recorded = seen.get((int) (id % 2));
        Map<String, Duration> replayed = new LinkedHashMap<>();
        String last = "pending";
        Duration at = Duration.ZERO;
        Duration entered = Duration.ZERO;
        JsonNode job = null;
        while (at.compareTo(Duration.ofSeconds(10)) < 0) {
          mock.advanceClock(POLL);
          at = at.plus(POLL);
          job = http.poll(TOKEN, id).json();
          if (!job.get("status").asText().equals(last)) {
            replayed.put(last, at.minus(entered));
            last = job.get("status").asText();
            entered = at;
          }
          if (last.equals("done") || last.equals("error")) {
            break;
          }
        }
        String end = recorded.last().get("status").asText();
        assertThat(last).as("job %s ends as its recording", id).isEqualTo(end);
        assertThat(replayed.get("pending"))
            .as("job %s pending", id)
            .isCloseTo(recorded.lasted("pending", "processing"), tolerance(recorded, "processing"));
        assertThat(replayed.get("processing"))
            .as("job %s processing", id)
            .isCloseTo(recorded.lasted("processing", end), tolerance(recorded, end));
        if (end.equals("done")) {
          assertThat(job.get("result").get("summary").asText()).isEqualTo(FakeReelsServer.SUMMARY);
        } else {
          assertThat(job.get("error").asText()).isEqualTo("Video is not available");
        }
      }
    }
  }

  /** One poll interval of the recording around a change (the gap before its first sight). */
  private static Duration tolerance(Seen recorded, String state) {
    Duration gap = recorded.gapBefore().get(state);
    return (gap.compareTo(POLL) > 0 ? gap : POLL).plus(POLL);
  }

  /** Polls every job every {@link #POLL}, side by side, until each is done or failed. */
  private static List<Seen> pollToEnd(Http http, List<Long> ids, List<Instant> created)
      throws InterruptedException {
    List<Map<String, Instant>> first = new ArrayList<>();
    List<Map<String, Duration>> gaps = new ArrayList<>();
    List<Instant> previous = new ArrayList<>(created);
    JsonNode[] last = new JsonNode[ids.size()];
    for (int j = 0; j < ids.size(); j++) {
      first.add(new LinkedHashMap<>(Map.of("pending", created.get(j))));
      gaps.add(new LinkedHashMap<>());
    }
    for (int round = 0; round < 400; round++) {
      Thread.sleep(POLL.toMillis());
      boolean running = false;
      for (int j = 0; j < ids.size(); j++) {
        if (last[j] != null && !last[j].get("status").asText().matches("pending|processing")) {
          continue;
        }
        last[j] = http.poll(TOKEN, ids.get(j)).json();
        Instant now = Instant.now();
        String status = last[j].get("status").asText();
        if (!first.get(j).containsKey(status)) {
          first.get(j).put(status, now);
          gaps.get(j).put(status, Duration.between(previous.get(j), now));
        }
        previous.set(j, now);
        running |= status.matches("pending|processing");
      }
      if (!running) {
        List<Seen> out = new ArrayList<>();
        for (int j = 0; j < ids.size(); j++) {
          out.add(new Seen(first.get(j), gaps.get(j), last[j]));
        }
        return out;
      }
    }
    throw new AssertionError("jobs " + ids + " did not finish through the proxy: " + first);
  }

  private static String awaitProxy(ByteArrayOutputStream out) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the recording proxy did not start: " + out);
  }
}
