package dev.reelskit.mock.internal.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ReelJob;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

/**
 * A job as the mock shows it: to a client, the spec's {@code ReelJob} ({@link #api}); on every
 * admin route that shows a job (the listing, one job, a forced state, a pin, the panel's
 * submission), that body with what an operator needs besides ({@link #admin}).
 */
public final class JobBodies {

  private JobBodies() {}

  /**
   * The job as the spec's {@code ReelJob}: {@code result} and {@code error} set exactly in the
   * states whose {@code x-lifecycle} entry says so, null otherwise.
   */
  public static ReelJob api(Job job) {
    ReelJob body =
        new ReelJob()
            .id(job.id())
            .url(job.url())
            .status(job.status())
            .createdAt(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(job.createdAt()));
    if (JobLifecycle.setsResult(job.status())) {
      body.result(job.outcome().analysis());
    }
    if (JobLifecycle.setsError(job.status())) {
      body.error(job.outcome().error());
    }
    return body;
  }

  /**
   * The job as an admin route shows it: {@link #api} (a listing leaves the result out) plus its
   * owner (seeded: null) and fingerprint, its tenant, the state it is held in (null when it runs),
   * its age on its tenant's clock, how it ends ({@code outcome}, {@code ends_in}).
   */
  public static ObjectNode admin(JobStore jobs, Job job, boolean withResult) {
    ObjectNode node = ReelsJson.mapper().valueToTree(api(job));
    if (!withResult) {
      node.remove("result");
    }
    Tenant tenant = jobs.tenantOf(job);
    node.put("owner", job.owner());
    node.put("fingerprint", job.owner() == null ? null : Owners.fingerprintOf(job.owner()));
    node.put("tenant", tenant.id());
    node.put("pinned", job.pinned() == null ? null : job.pinned().getValue());
    node.put(
        "age_seconds",
        Math.max(0, Duration.between(job.createdAt().toInstant(), tenant.now()).toSeconds()));
    node.put("outcome", job.outcome().name());
    node.put("ends_in", job.outcome().terminal().getValue());
    return node;
  }
}
