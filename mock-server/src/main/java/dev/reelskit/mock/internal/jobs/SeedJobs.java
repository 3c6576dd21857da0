package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.ReelJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Jobs that exist before any POST, so a UI can be built against every state at once: the spec's
 * example jobs (42 done, 43 pending, 44 processing, 45 error, 46 done without speech, 47 done
 * without platform_meta) plus one more of each unfinished or failed state. Seeded jobs stay in
 * their state until moved through the admin API. New jobs get ids from {@link #FIRST_NEW_ID}.
 */
public final class SeedJobs {

  public static final long FIRST_NEW_ID = 100;

  private static final List<String> EXAMPLES =
      List.of(
          "JobDoneCooking",
          "JobPending",
          "JobProcessing",
          "JobError",
          "JobDoneNoSpeech",
          "JobDoneNoPlatformMeta");

  private SeedJobs() {}

  public static void addTo(JobStore store) {
    Instant now = store.clock().now();
    for (String name : EXAMPLES) {
      ReelJob example = ReelsApiSpec.get().example(name, ReelJob.class);
      Outcome outcome =
          switch (name) {
            case "JobDoneNoSpeech" -> Outcomes.DONE_NO_SPEECH;
            case "JobDoneNoPlatformMeta" -> Outcomes.DONE_NO_META;
            case "JobError" -> Outcomes.ERROR_PRIVATE;
            default -> Outcomes.DONE_COOKING;
          };
      store.put(
          seed(
              example.getId(),
              example.getUrl(),
              OffsetDateTime.parse(example.getCreatedAt()),
              outcome,
              example.getStatus(),
              now));
    }
    OffsetDateTime created = OffsetDateTime.parse("2026-05-22T10:06:00Z");
    store.put(
        seed(
            48,
            "https://www.instagram.com/reel/DYg6OdVmtV1/",
            created,
            Outcomes.DONE_COOKING,
            JobStatus.PENDING,
            now));
    store.put(
        seed(
            49,
            "https://www.instagram.com/reel/NOSPEECHDYh7PeW/",
            created.plusMinutes(1),
            Outcomes.DONE_NO_SPEECH,
            JobStatus.PROCESSING,
            now));
    store.put(
        seed(
            50,
            "https://www.instagram.com/reel/ERRORlongDYi8Qf/",
            created.plusMinutes(2),
            Outcomes.ERROR_TOO_LONG,
            JobStatus.ERROR,
            now));
    store.put(
        seed(
            FIRST_NEW_ID - 1,
            "https://www.instagram.com/p/DYj9RgYovX3/",
            created.plusMinutes(3),
            Outcomes.DONE_COOKING,
            JobStatus.DONE,
            now));
  }

  private static Job seed(
      long id,
      String url,
      OffsetDateTime createdAt,
      Outcome outcome,
      JobStatus status,
      Instant now) {
    return new Job(id, url, createdAt, outcome, JobTiming.HELD, status, null, status, now, 0);
  }
}
