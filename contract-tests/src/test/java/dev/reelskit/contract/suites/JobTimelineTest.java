package dev.reelskit.contract.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.ServerText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's timeline stays readable and bounded however its status changes. */
class JobTimelineTest {

  private static Exchange at(long millis) {
    return new Exchange(
        "poll",
        Exchange.Auth.VALID,
        "GET",
        "http://localhost/api/v1/reels/1",
        List.of(),
        null,
        200,
        "application/json",
        null,
        "{}",
        millis,
        List.of(),
        null,
        null);
  }

  @Test
  void a_status_that_changes_on_every_poll_gives_a_timeline_of_a_dozen_steps() {
    JobRecord job = new JobRecord("www", "https://www.instagram.com/reel/x/");
    job.submitted(at(0), "1");
    String large = "x".repeat(64 * 1024);
    for (int poll = 1; poll <= 1_000; poll++) {
      job.polled(at(poll), ServerText.distinct(poll + large, ServerText.WORD));
    }

    String timeline = job.timeline();

    assertThat(timeline.split(" -> ")).hasSize(12);
    assertThat(timeline).contains("(989 more steps)").hasSizeLessThan(1_500);
    assertThat(timeline).startsWith("1xxxxxxxxxxx").contains("@1000ms");
  }

  @Test
  void an_ordinary_timeline_is_shown_whole() {
    JobRecord job = new JobRecord("www", "https://www.instagram.com/reel/x/");
    job.submitted(at(0), "1");
    job.polled(at(3), "pending");
    job.polled(at(55), "processing");
    job.polled(at(160), "done");
    job.polled(at(212), "done");

    assertThat(job.timeline())
        .isEqualTo("pending@3ms -> processing@55ms -> done@160ms -> done@212ms");
  }
}
