package dev.reelskit.mock.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a recording's exchanges become timelines, and which jobs are left out and why. */
class JobTimelinesTest {

  static final Instant T0 = Instant.parse("2026-05-22T10:00:00Z");

  private final List<Exchange> exchanges = new ArrayList<>();

  private void post(long id, int atSeconds) {
    exchanges.add(
        new Exchange(
            "POST",
            "/api/v1/reels/analyze",
            202,
            T0.plusSeconds(atSeconds),
            "{\"id\": " + id + ", \"status\": \"pending\"}"));
  }

  private void get(long id, int atSeconds, String status) {
    String extra =
        status.equals("error") ? "\"error\": \"Video is not available\"" : "\"error\": null";
    exchanges.add(
        new Exchange(
            "GET",
            "/api/v1/reels/" + id,
            200,
            T0.plusSeconds(atSeconds),
            "{\"id\": "
                + id
                + ", \"status\": \""
                + status
                + "\", "
                + extra
                + ", \"result\": null, \"created_at\": \"2026-05-22T10:00:00Z\"}"));
  }

  @Test
  void a_change_is_placed_in_the_middle_of_the_poll_gap_and_a_skipped_state_lasts_nothing() {
    post(1, 0);
    get(1, 10, "pending");
    get(1, 20, "error"); // processing was never seen
    JobTimelines.Found found = JobTimelines.of(exchanges);
    RecordedJob job = found.jobs().get(0);
    assertThat(job.pending()).isEqualTo(Duration.ofSeconds(15));
    assertThat(job.processing()).isZero();
    assertThat(job.error()).isEqualTo("Video is not available");
    assertThat(job.interval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void exchanges_out_of_order_are_read_in_time_order() {
    post(1, 0);
    get(1, 20, "done");
    get(1, 5, "processing");
    RecordedJob job = JobTimelines.of(exchanges).jobs().get(0);
    assertThat(job.pending()).isEqualTo(Duration.ofMillis(2_500));
    assertThat(job.processing()).isEqualTo(Duration.ofMillis(10_000));
  }

  @Test
  void unfinished_backward_and_orphan_jobs_are_left_out_with_a_note_each() {
    post(1, 0);
    get(1, 5, "processing"); // never finishes
    post(2, 0);
    get(2, 5, "processing");
    get(2, 10, "pending"); // goes back
    get(2, 15, "done");
    get(3, 5, "done"); // its POST is not in the recording
    post(4, 0); // never polled
    JobTimelines.Found found = JobTimelines.of(exchanges);
    assertThat(found.jobs()).isEmpty();
    assertThat(found.notes())
        .containsExactly(
            "a job (the recording's job 1) never finished in the recording (last seen"
                + " processing): left out",
            "a job (the recording's job 2) went back from processing to pending: left out",
            "a job (the recording's job 4) was never polled: left out",
            "a job (the recording's job 3) was polled but its POST is not in the recording: left"
                + " out");
  }

  @Test
  void a_404_with_status_error_is_no_look_at_a_job() {
    post(1, 0);
    exchanges.add(
        new Exchange(
            "GET",
            "/api/v1/reels/1",
            404,
            T0.plusSeconds(5),
            "{\"message\": \"not found\", \"status\": \"error\"}"));
    get(1, 10, "done");
    RecordedJob job = JobTimelines.of(exchanges).jobs().get(0);
    assertThat(job.polls()).isEqualTo(1);
    assertThat(job.endsIn().getValue()).isEqualTo("done");
  }
}
