package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.internal.logging.LogSafe;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job, keyed by id. Each change is one {@code compute} on the job's key, so concurrent polls
 * of one job are serialised and can neither skip back nor change a terminal job; polls of different
 * jobs never contend. This map is also what WireMock's scenario API shows.
 *
 * <p>A {@link JobJournal} is told which job changed after the change: it is waited for only when a
 * client is about to see something it must still see after a crash (a new job, a new status, an
 * admin change); a poll that only counts is written with the next batch. At most {@code maxJobs}
 * jobs are kept: past it the oldest finished job goes first.
 */
public final class JobStore {

  private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

  /** How far into the oldest jobs eviction looks for a finished one before taking the oldest. */
  static final int EVICTION_SCAN = 1_000;

  private final ConcurrentMap<Long, Job> jobs = new ConcurrentHashMap<>();

  /** Ids of jobs clients created, oldest first; seeded jobs are never evicted. */
  private final ConcurrentLinkedDeque<Long> created = new ConcurrentLinkedDeque<>();

  private final AtomicLong nextId;
  private final MockClock clock;
  private final TimingProfile profile;
  private final long seed;
  private final int maxJobs;
  private final JobJournal journal;

  public JobStore(MockClock clock, TimingProfile profile, long seed, long firstId) {
    this(clock, profile, seed, firstId, Integer.MAX_VALUE, JobJournal.NONE);
  }

  public JobStore(
      MockClock clock,
      TimingProfile profile,
      long seed,
      long firstId,
      int maxJobs,
      JobJournal journal) {
    this.clock = clock;
    this.profile = profile;
    this.seed = seed;
    this.nextId = new AtomicLong(firstId);
    this.maxJobs = maxJobs;
    this.journal = journal;
  }

  /**
   * Takes back the jobs of a state file, moves the clock on to where the file left it (plus the
   * wall time since, at the clock's scale) and starts the journal. Call once, before serving.
   */
  public void restore(SqliteJournal.Loaded state) {
    for (Job job : state.jobs()) {
      jobs.put(job.id(), job);
      if (job.owner() != null) {
        created.add(job.id());
      }
    }
    nextId.accumulateAndGet(state.nextId(), Math::max);
    state.jobs().forEach(job -> nextId.accumulateAndGet(job.id() + 1, Math::max));
    if (state.mockNow() != null) {
      Duration wallSince =
          state.wallAt() == null ? Duration.ZERO : Duration.between(state.wallAt(), Instant.now());
      Instant resumeAt =
          state
              .mockNow()
              .plusNanos(wallSince.isNegative() ? 0 : (long) (wallSince.toNanos() * clock.scale()));
      Duration behind = Duration.between(clock.now(), resumeAt);
      if (!behind.isNegative() && !behind.isZero()) {
        clock.advance(behind);
      }
    }
    LOG.info("{} job(s) restored, next id {}", state.jobs().size(), nextId.get());
    evictBeyondLimit();
  }

  /** Starts the journal; the store tells it of every change from now on. */
  public void startJournal() {
    journal.start(
        new JobJournal.Source() {
          @Override
          public Job current(long id) {
            return jobs.get(id);
          }

          @Override
          public long nextId() {
            return nextId.get();
          }

          @Override
          public Instant now() {
            return clock.now();
          }

          @Override
          public Iterable<Job> all() {
            return jobs.values();
          }
        });
  }

  /**
   * Creates a job in the lifecycle's initial state for {@code url}, its outcome decided by the
   * URL's reel code.
   */
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
            JobLifecycle.initial(),
            owner,
            JobLifecycle.initial(),
            now,
            0);
    jobs.put(id, job);
    created.add(id);
    try {
      journal.changed(id, true); // the 202 is sent only once the job is on disk
    } catch (RuntimeException e) {
      jobs.remove(id); // never acknowledged: no poll may find it, no eviction made room for it
      created.remove(id);
      throw e;
    }
    evictBeyondLimit();
    LOG.info(
        "job {} {} ({} -> {})",
        id,
        job.status().getValue(),
        LogSafe.text(url),
        job.outcome().name());
    return job;
  }

  /** Adds a job as it is (seeded jobs); later ids stay above it. */
  public void put(Job job) {
    jobs.put(job.id(), job);
    nextId.accumulateAndGet(job.id() + 1, Math::max);
  }

  /** Whether a client whose token has owner key {@code owner} may see job {@code id}. */
  public boolean visibleTo(long id, String owner) {
    Job job = jobs.get(id);
    return job != null && (job.owner() == null || job.owner().equals(owner));
  }

  /** Jobs as they are now, oldest first, of owners matching {@code ownerFilter} (null: all). */
  public List<Job> list(String ownerFilter) {
    Instant now = clock.now();
    return jobs.values().stream()
        .filter(job -> ownerFilter == null || Owners.matches(job.owner(), ownerFilter))
        .map(job -> job.advancedTo(now))
        .sorted(java.util.Comparator.comparingLong(Job::id))
        .toList();
  }

  /** Returns every job of matching owners to its first state; how many there were. */
  public int resetOwned(String ownerFilter) {
    int n = 0;
    for (Job job : list(ownerFilter)) {
      n += reset(job.id()).isPresent() ? 1 : 0;
    }
    return n;
  }

  /** Deletes every job of matching owners (null: every job a client created); how many. */
  public int deleteOwned(String ownerFilter) {
    List<Long> gone = new ArrayList<>();
    for (Job job : jobs.values()) {
      if (job.owner() != null
          && (ownerFilter == null || Owners.matches(job.owner(), ownerFilter))
          && jobs.remove(job.id()) != null) {
        gone.add(job.id());
      }
    }
    created.removeAll(gone);
    gone.forEach(id -> journal.changed(id, false));
    if (!gone.isEmpty()) {
      journal.changed(gone.get(gone.size() - 1), true);
    }
    LOG.info("{} job(s) deleted", gone.size());
    return gone.size();
  }

  /** Moves the mock's clock on; a state file keeps where it is. */
  public void advanceClock(Duration by) {
    clock.advance(by);
    journal.changed(JobJournal.CLOCK_ONLY, true);
  }

  /** Stops the journal after writing what is left; the store stays readable. */
  public void closeJournal() {
    journal.close();
  }

  /** Evicts the oldest finished jobs (else the oldest) until at most {@code maxJobs} remain. */
  private void evictBeyondLimit() {
    while (jobs.size() > maxJobs) {
      Long victim = oldestFinished();
      if (victim == null) {
        return;
      }
      if (created.remove(victim) && jobs.remove(victim) != null) {
        journal.changed(victim, false);
      }
    }
  }

  private Long oldestFinished() {
    Instant now = clock.now();
    Iterator<Long> it = created.iterator();
    Long oldest = null;
    for (int i = 0; i < EVICTION_SCAN && it.hasNext(); i++) {
      Long id = it.next();
      Job job = jobs.get(id);
      if (job == null) {
        continue;
      }
      if (oldest == null) {
        oldest = id;
      }
      if (JobLifecycle.isTerminal(job.advancedTo(now).status())) {
        return id;
      }
    }
    return oldest;
  }

  /** One client poll: the job advanced and counted, atomically; empty when there is no such job. */
  public Optional<Job> poll(long id) {
    Job current = jobs.get(id);
    if (current == null || JobLifecycle.isTerminal(current.status())) {
      return Optional.ofNullable(current); // nothing can change: skip the per-key lock
    }
    Instant now = clock.now();
    Job[] before = new Job[1];
    Job after =
        jobs.computeIfPresent(
            id,
            (k, job) -> {
              before[0] = job;
              return job.polledAt(now);
            });
    if (after != null && before[0].status() != after.status()) {
      // A job whose timing waits for polls must never be seen to go back after a crash; one
      // timed by the clock alone gets here again from what is on disk, as the clock resumes.
      journal.changed(id, after.timing().minPollsPerState() > 0);
      LOG.info("job {} {} -> {}", id, before[0].status(), after.status());
    } else if (after != null && after != before[0]) {
      journal.changed(id, false); // only counted: losing it costs the client one more poll
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
      journal.changed(id, true);
      LOG.info("job {} forced to {}", id, status);
    }
    return Optional.ofNullable(after);
  }

  /** Returns a job to the state it started in; its lifecycle restarts now. */
  public Optional<Job> reset(long id) {
    Instant now = clock.now();
    Job after = jobs.computeIfPresent(id, (k, job) -> job.forcedTo(job.initial(), now));
    if (after != null) {
      journal.changed(id, true);
    }
    return Optional.ofNullable(after);
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
    created.clear();
  }

  /** Ids of client-created jobs kept for eviction; never more than the jobs kept. */
  int evictionQueueSize() {
    return created.size();
  }

  public MockClock clock() {
    return clock;
  }

  public TimingProfile profile() {
    return profile;
  }
}
