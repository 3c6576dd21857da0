package dev.reelskit.mock;

import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Tenant;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One tenant of a running mock: the jobs its {@link #token()} submits, and a clock and pins of
 * their own. Advancing, resetting or pinning it changes nothing of any other tenant's, so parallel
 * tests can each move time as they like. {@link #close()} deletes it and its jobs.
 *
 * <pre>{@code
 * try (ReelsTenant mine = mock.createTenant("checkout-test")) {
 *   long id = myClient(mock.baseUrl(), mine.token()).submit(url);
 *   mine.advanceClock(Duration.ofSeconds(90)); // only this tenant's jobs move
 * }
 * }</pre>
 */
public final class ReelsTenant implements AutoCloseable {

  private final JobStore jobs;
  private final Tenant tenant;
  private final String token;

  ReelsTenant(JobStore jobs, Tenant tenant, String token) {
    this.jobs = jobs;
    this.tenant = tenant;
    this.token = token;
  }

  /** Its name, as the admin API and the control panel show it. */
  public String name() {
    return tenant.id();
  }

  /** The token that submits into this tenant (the mock accepts it whatever its token list). */
  public String token() {
    return token;
  }

  /** Now on this tenant's clock. */
  public Instant now() {
    return tenant.now();
  }

  /** Moves this tenant's clock forward; its jobs move on at their next poll, no one else's. */
  public void advanceClock(Duration by) {
    tenant.advance(by);
  }

  /** Every job of this tenant back to its first state, its lifecycle restarting now; how many. */
  public int reset() {
    return jobs.reset(tenant);
  }

  /** Holds every job this tenant creates from now on in {@code state}, until released. */
  public void pinNewJobs(JobStatus state) {
    jobs.pinNewJobs(tenant, state);
  }

  /** Stops pinning new jobs and releases every held job of this tenant; how many were held. */
  public int releaseAll() {
    return jobs.releaseAll(tenant);
  }

  /**
   * Puts job {@code id} in {@code state} and holds it there; false when it is not this tenant's.
   */
  public boolean pin(long id, JobStatus state) {
    return mine(id) && jobs.pin(id, state).isPresent();
  }

  /** Lets held job {@code id} go on, timed from now; false when it is not this tenant's. */
  public boolean release(long id) {
    return mine(id) && jobs.release(id).isPresent();
  }

  /** Job {@code id}'s status now, without counting a poll; empty when it is not this tenant's. */
  public Optional<JobStatus> statusOf(long id) {
    return mine(id) ? jobs.peek(id).map(job -> job.status()) : Optional.empty();
  }

  /** How many jobs this tenant holds. */
  public int jobCount() {
    return tenant.jobCount();
  }

  private boolean mine(long id) {
    return jobs.peek(id).map(job -> jobs.tenantOf(job) == tenant).orElse(false);
  }

  /** Deletes the tenant and its jobs; its token then submits into the shared tenant. */
  @Override
  public void close() {
    jobs.deleteTenant(tenant);
  }

  @Override
  public String toString() {
    return "tenant " + tenant.id();
  }
}
