package dev.reelskit.mock.internal.jobs;

import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.jobs.MockClock;

/**
 * Every job, keyed by id. Each change is one {@code compute} on the job's key, so concurrent polls
 * of one job are serialised and can neither skip back nor change a terminal job; polls of
 * different jobs never contend. This map is also what WireMock's scenario API shows.
 */
public final class JobStore {

  private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

  private final ConcurrentMap<Long, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong nextId;
  private final MockClock clock;
  private final TimingProfile profile;
  private final long seed;

  public JobStore(MockClock clock, TimingProfile profile, long seed, long firstId) {
    this.clock = clock;
    this.profile = profile;
    this.seed = seed;
    this.nextId = new AtomicLong(firstId);
  }

  /** Creates a pending job for {@code url}, its outcome decided by the URL's reel code. */
  public Job create(String url, String owner) {
    long id = nextId.getAndIncrement();
    Instant now = clock.now();
    Job job =
        new Job(
            id,
            url,
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
            Outcomes.forUrl(url),
            profile.timingFor(id, seed),
            JobStatus.PENDING,
            owner,
            JobStatus.PENDING,
            now,
            0);
    jobs.put(id, job);
    LOG.info("job {} pending ({} -> {})", id, url, job.outcome().name());
    return job;
  }

  /** Adds a job as it is (seeded jobs); later ids stay above it. */
  public void put(Job job) {
    jobs.put(job.id(), job);
    nextId.accumulateAndGet(job.id() + 1, Math::max);
  }

  /** One client poll: the job advanced and counted, atomically; empty when there is no such job. */
  public Optional<Job> poll(long id) {
    Job current = jobs.get(id);
    if (current == null || JobLifecycle.isTerminal(current.status())) {
      return Optional.ofNullable(current); // nothing can change: skip the per-key lock
    }
    Instant now = clock.now();
    Job[] before = new Job[1];
    Job after = jobs.computeIfPresent(id, (k, job) -> {
      before[0] = job;
      return job.polledAt(now);
    });
    if (after != null && before[0].status() != after.status()) {
      LOG.info("job {} {} -> {}", id, before[0].status(), after.status());
    }
    return Optional.ofNullable(after);
  }

  /** How job {@code id} ends and how its polls behave, null when there is no such job. */
  public Outcome outcomeOf(long id) {
    Job job = jobs.get(id);
    return job == null ? null : job.outcome();
  }

  /** The job as it is now, without counting a poll or storing anything. */
  public Optional<Job> peek(long id) {
    Job job = jobs.get(id);
    return job == null ? Optional.empty() : Optional.of(job.advancedTo(clock.now()));
  }

  /** Forces a job into {@code status} (admin API); empty when there is no such job. */
  public Optional<Job> force(long id, JobStatus status) {
    Instant now = clock.now();
    Job after = jobs.computeIfPresent(id, (k, job) -> job.forcedTo(status, now));
    if (after != null) {
      LOG.info("job {} forced to {}", id, status);
    }
    return Optional.ofNullable(after);
  }

  /** Returns a job to the state it started in; its lifecycle restarts now. */
  public Optional<Job> reset(long id) {
    Instant now = clock.now();
    return Optional.ofNullable(
        jobs.computeIfPresent(id, (k, job) -> job.forcedTo(job.initial(), now)));
  }

  /** Every job as it is now (for the scenario listing); not a snapshot of one instant. */
  public Stream<Job> all() {
    Instant now = clock.now();
    return jobs.values().stream().map(job -> job.advancedTo(now));
  }

  /** Whether job {@code id} exists and is not finished now. */
  public boolean isUnfinished(long id) {
    return peek(id).map(job -> !JobLifecycle.isTerminal(job.status())).orElse(false);
  }

  public int size() {
    return jobs.size();
  }

  public void clear() {
    jobs.clear();
  }

  public MockClock clock() {
    return clock;
  }

  public TimingProfile profile() {
    return profile;
  }
}
