package dev.reelskit.mock.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.internal.cli.MockServerCommand;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.JobStoreSettings;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.ReelsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record once, replay as a lifecycle (issue 22), from a HAR written for this test from the docs'
 * timings: one POST and 14 polls 5 s apart (pending for 2 polls, processing for 11, done at 70 s),
 * with a token in its headers and cookies (and echoed in its result) and a page of the app around
 * it. Replayed for three new ids, polled every 5 s, each state lasts what it lasted in the
 * recording, within one poll interval.
 */
class ReplayTest {

  static final String HAR_TOKEN = "ist_harRecordedSecretToken00000001";
  static final String CLIENT = "ist_replayClient0000000000000001";
  static final Duration POLL = Duration.ofSeconds(5);

  @TempDir Path dir;

  static Path har() throws URISyntaxException {
    return Path.of(ReplayTest.class.getResource("/record/docs-timings.har").toURI());
  }

  /** {@code record --har FILE --out DIR [--keep-results]}, as the docs show it. */
  private String record(String... more) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("record", "--har", har().toString(), "--out", dir.toString()));
    args.addAll(List.of(more));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
            .execute(args.toArray(String[]::new));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isZero();
    return text;
  }

  @Test
  void the_recording_becomes_one_job_with_the_docs_timings() throws Exception {
    String out = record();

    assertThat(out)
        .contains("job 1: pending 12.5 s, processing 55.0 s, done (14 polls, every 5.0 s)")
        .contains("1 job(s) recorded in");
    JsonNode profile = ReelsJson.mapper().readTree(dir.resolve("profile.json").toFile());
    JsonNode job = profile.get("jobs").get(0);
    assertThat(job.get("pending_ms").asLong()).isEqualTo(12_500);
    assertThat(job.get("processing_ms").asLong()).isEqualTo(55_000);
    assertThat(job.get("ends_in").asText()).isEqualTo("done");
    assertThat(job.get("result").isNull()).as("results replaced by default").isTrue();
    assertThat(profile.get("results").asText()).isEqualTo("kit");
  }

  @Test
  void a_token_never_reaches_a_written_file_nor_the_output() throws Exception {
    String out = record("--keep-results");
    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written = files.filter(Files::isRegularFile).toList();
    }
    assertThat(written).hasSize(2); // profile.json, results/job-1.json
    for (Path f : written) {
      String text = Files.readString(f);
      assertThat(text).as(f.toString()).doesNotContain(HAR_TOKEN).doesNotContain("s3cr3t");
      assertThat(text).doesNotContainPattern("ist_[A-Za-z0-9]{8,}");
    }
    assertThat(out).doesNotContain(HAR_TOKEN);
  }

  @Test
  void replayed_for_three_new_ids_each_state_lasts_as_recorded_within_one_poll_interval()
      throws Exception {
    record();
    Map<String, Duration> recorded = firstSeenDurations(har());
    assertThat(recorded)
        .containsEntry("pending", Duration.ofSeconds(15))
        .containsEntry("processing", Duration.ofSeconds(55));

    try (ReelsMock mock = replay()) {
      Http http = new Http(mock.baseUrl());
      for (int n = 0; n < 3; n++) {
        long id = http.submit(CLIENT, "https://www.instagram.com/reel/NewReel" + n + "/");
        Map<String, Duration> replayed = new LinkedHashMap<>();
        Duration elapsed = Duration.ZERO;
        String last = "pending";
        Duration enteredLast = Duration.ZERO;
        JsonNode job = null;
        while (elapsed.compareTo(Duration.ofSeconds(200)) < 0) {
          mock.advanceClock(POLL);
          elapsed = elapsed.plus(POLL);
          job = http.poll(CLIENT, id).json();
          String status = job.get("status").asText();
          if (!status.equals(last)) {
            replayed.put(last, elapsed.minus(enteredLast));
            last = status;
            enteredLast = elapsed;
          }
          if (status.equals("done") || status.equals("error")) {
            break;
          }
        }
        assertThat(last).as("job %s ends as recorded", id).isEqualTo("done");
        for (String state : List.of("pending", "processing")) {
          assertThat(replayed.get(state))
              .as("job %s: %s", id, state)
              .isBetween(recorded.get(state).minus(POLL), recorded.get(state).plus(POLL));
        }
        assertThat(job.get("result").get("summary").asText())
            .as("results were not kept: the kit's own analysis")
            .startsWith("A chef cooks");
      }
    }
  }

  @Test
  void kept_results_are_replayed_and_a_magic_code_still_decides_the_ending() throws Exception {
    record("--keep-results");
    try (ReelsMock mock = replay()) {
      Http http = new Http(mock.baseUrl());
      long kept = http.submit(CLIENT, "https://www.instagram.com/reel/NewReel/");
      long failed = http.submit(CLIENT, "https://www.instagram.com/reel/ERRORnew/");
      mock.advanceClock(Duration.ofSeconds(70));
      JsonNode done = http.poll(CLIENT, kept).json();
      assertThat(done.get("status").asText()).isEqualTo("done");
      assertThat(done.get("result").get("summary").asText())
          .isEqualTo("A home cook folds fresh tagliatelle into a pan of brown butter and sage.");
      assertThat(done.get("result").get("visual").get("text_on_screen").toString())
          .as("the token the recorded result echoed, as its fingerprint")
          .isEqualTo("[\"brown butter pasta\",\"@recorded.cook\",\"ist_****0001\"]");
      assertThat(http.poll(CLIENT, failed).json().get("status").asText()).isEqualTo("error");
      assertThat(mock.profileLabel()).isEqualTo("replay of 1 recorded job(s) (frozen clock)");
    }
  }

  @Test
  void a_file_that_is_not_a_har_is_refused_with_exit_64_and_a_har_without_finished_jobs_with_1()
      throws Exception {
    Path notHar = dir.resolve("x.har");
    Files.writeString(notHar, "{\"log\": {\"pages\": []}}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var cmd =
        cli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(cmd.execute("record", "--har", notHar.toString(), "--out", dir.toString()))
        .isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: " + notHar + " is not a HAR file: no \"log.entries\"");

    String unfinished =
        Files.readString(har())
            .replace("\\\"status\\\": \\\"done\\\"", "\\\"status\\\": \\\"processing\\\"");
    Path partial = dir.resolve("partial.har");
    Files.writeString(partial, unfinished);
    assertThat(
            cmd.execute(
                "record", "--har", partial.toString(), "--out", dir.resolve("p").toString()))
        .isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("never finished in the recording (last seen processing)")
        .contains("error: no job finished in");
    assertThat(dir.resolve("p/profile.json")).doesNotExist();
  }

  @Test
  void record_needs_exactly_one_source() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(cli(quiet, quiet).execute("record", "--out", dir.toString())).isEqualTo(64);
    assertThat(
            cli(quiet, quiet)
                .execute(
                    "record",
                    "--har",
                    "x.har",
                    "--proxy-to",
                    "http://127.0.0.1:1",
                    "--out",
                    dir.toString()))
        .isEqualTo(64);
  }

  @Test
  void replay_and_a_state_file_together_are_refused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JobStoreSettings.defaults().withStateFile(dir.resolve("s.db")).withReplay(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replay and state-file cannot be used together");
  }

  static picocli.CommandLine cli(PrintStream out, PrintStream err) {
    return MockServerCommand.commandLine(Map.of(), Map.of(), out, err);
  }

  private ReelsMock replay() {
    return ReelsMock.start(
        MockServerSettings.builder()
            .port(0)
            .jobStore(JobStoreSettings.defaults().withReplay(dir))
            .build(),
        MockClock.frozenAt(Instant.parse("2026-05-22T10:00:00Z")));
  }

  /**
   * Each state's duration in a recording as its client saw it: from the first look showing it to
   * the first showing the next state (the POST counts as the first look at {@code pending}).
   */
  static Map<String, Duration> firstSeenDurations(Path har) throws IOException {
    List<Exchange> exchanges = HarReader.read(har).exchanges();
    Map<String, Instant> first = new LinkedHashMap<>();
    first.put("pending", exchanges.get(0).at());
    for (Exchange e : exchanges.subList(1, exchanges.size())) {
      first.putIfAbsent(ReelsJson.mapper().readTree(e.body()).get("status").asText(), e.at());
    }
    Map<String, Duration> out = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(first.keySet());
    for (int i = 0; i + 1 < order.size(); i++) {
      out.put(order.get(i), Duration.between(first.get(order.get(i)), first.get(order.get(i + 1))));
    }
    return out;
  }
}
