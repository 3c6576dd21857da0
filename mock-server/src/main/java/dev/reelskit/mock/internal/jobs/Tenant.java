package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One owner of jobs and of the time they move by: the shared {@code default} tenant, a tenant a
 * test named through the admin API, or (with {@code --isolate-tokens}) one token's. Its clock is
 * the mock's clock plus an offset only this tenant moves, so advancing one tenant changes nothing
 * of another's; its pin holds every job it creates in one state until released.
 *
 * <p>Counts and the eviction order are changed only under the store's lock; reads of the clock and
 * the pin are lock-free (the GET path reads them).
 */
public final class Tenant {

  /** The name of the shared tenant. */
  public static final String DEFAULT = "default";

  private final String id;
  private final String name;
  private final String owner;
  private final MockClock base;
  private final AtomicLong offsetNanos = new AtomicLong();
  private volatile JobStatus pin;

  /** Ids of the jobs clients created in this tenant, oldest first (seeded jobs are not here). */
  final ConcurrentLinkedDeque<Long> created = new ConcurrentLinkedDeque<>();

  /** How many of the store's jobs are this tenant's (seeded jobs count for the default tenant). */
  volatile int jobs;

  Tenant(String id, String name, String owner, MockClock base) {
    this.id = id;
    this.name = name;
    this.owner = owner;
    this.base = base;
  }

  /** How the admin API names it: {@code default}, the name given, or the token's owner key. */
  public String id() {
    return id;
  }

  /** The name a test gave it; null for {@code default} and tokens' tenants. */
  public String name() {
    return name;
  }

  /** The owner key its jobs carry; null for {@code default}. */
  public String owner() {
    return owner;
  }

  /** Now, on this tenant's clock. */
  public Instant now() {
    long offset = offsetNanos.get();
    Instant now = base.now();
    return offset == 0 ? now : now.plusNanos(offset);
  }

  /** How far this tenant's clock is ahead of the mock's. */
  public Duration offset() {
    return Duration.ofNanos(offsetNanos.get());
  }

  /** Moves this tenant's clock forward, and no other. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + by);
    }
    offsetNanos.addAndGet(by.toNanos());
  }

  /** Keeps this tenant's clock at least at {@code at} (restoring jobs whose state began then). */
  void catchUpTo(Instant at) {
    Duration behind = Duration.between(now(), at);
    if (behind.compareTo(Duration.ZERO) > 0) {
      offsetNanos.addAndGet(behind.toNanos());
    }
  }

  /** The state every new job of this tenant is held in; null when new jobs run. */
  public JobStatus pin() {
    return pin;
  }

  void pin(JobStatus state) {
    this.pin = state;
  }

  public int jobCount() {
    return jobs;
  }

  /** Whether forgetting it loses nothing: no jobs, no moved clock, no pin, no name. */
  boolean disposable() {
    return jobs == 0 && name == null && owner != null && pin == null && offsetNanos.get() == 0;
  }

  @Override
  public String toString() {
    return id;
  }
}
