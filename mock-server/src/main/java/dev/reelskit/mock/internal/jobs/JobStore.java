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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job, keyed by id. Each change is one {@code compute} on the job's key, so concurrent polls
 * of one job are serialised and can neither skip back nor change a terminal job; polls of different
 * jobs never contend. This map is also what WireMock's scenario API shows.
 *
 * <p>Each job belongs to one {@link Tenant} and moves by that tenant's clock only. A tenant keeps
 * at most {@code maxJobsPerTenant} jobs (past it its own oldest finished job goes first), and the
 * store at most {@code maxJobs}: past that the tenant holding the most jobs loses its oldest
 * finished one, so a tenant's submissions never evict the jobs of a smaller tenant. Creating and
 * removing jobs take one lock; polls take none.
 *
 * <p>A {@link JobJournal} is told which job changed after the change: it is waited for only when a
 * client is about to see something it must still see after a crash (a new job, a new status, an
 * admin change); a poll that only counts is written with the next batch.
 */
public final class JobStore {

  private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

  /**
   * How far into a tenant's oldest jobs eviction looks for a finished one before taking the oldest.
   */
  static final int EVICTION_SCAN = 1_000;

  private final ConcurrentMap<Long, Job> jobs = new ConcurrentHashMap<>();
  private final Object structure = new Object();

  private final JobIds ids;
  private final MockClock clock;
  private final JobPlans plans;
  private final int maxJobs;
  private final int maxJobsPerTenant;
  private final JobJournal journal;
  private final Tenants tenants;

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
    this(clock, JobPlans.of(profile, seed), firstId, new Limits(maxJobs, maxJobs, false), journal);
  }

  /**
   * @param plans how each new job runs (a timing profile's, or a recording's)
   * @param limits the caps, and whether tenants are walled in (ids drawn at random)
   */
  public JobStore(
      MockClock clock, JobPlans plans, long firstId, Limits limits, JobJournal journal) {
    this.clock = clock;
    this.plans = plans;
    this.ids = new JobIds(firstId, limits.isolate());
    this.maxJobs = limits.maxJobs();
    this.maxJobsPerTenant = limits.maxJobsPerTenant();
    this.journal = journal;
    this.tenants = new Tenants(clock, limits.isolate());
  }

  /**
   * How many jobs the store keeps, and whether each token is a tenant of its own.
   *
   * @param maxJobs the most jobs in all
   * @param maxJobsPerTenant the most jobs of one tenant
   * @param isolate each token its own tenant, and ids drawn at random
   */
  public record Limits(int maxJobs, int maxJobsPerTenant, boolean isolate) {}

  /**
   * Takes back the jobs of a state file, moves the clock on to where the file left it (plus the
   * wall time since, at the clock's scale) and starts the journal. Call once, before serving. A
   * tenant's clock is not in the file: each comes back at least as far as its latest job's state
   * began, so no restored job goes back in time.
   */
  public void restore(SqliteJournal.Loaded state) {
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
    synchronized (structure) {
      for (Job job : state.jobs()) {
        Job before = jobs.put(job.id(), job);
        if (before != null && before.owner() != null) {
          forget(tenants.of(before), before.id());
        }
        if (job.owner() != null) {
          Tenant t = tenants.forOwner(job.owner(), true);
          t.created.add(job.id());
          t.jobs++;
          if (t != tenants.shared()) {
            t.catchUpTo(job.since());
          }
        }
      }
      ids.atLeast(state.nextId());
      state.jobs().forEach(job -> ids.above(job.id()));
    }
    LOG.info("{} job(s) restored, next id {}", state.jobs().size(), ids.peek());
    evictBeyondLimits(tenants.largest());
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
            return ids.peek();
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
   * Creates a job in the lifecycle's initial state for {@code url}, in the tenant of {@code owner},
   * its outcome decided by the URL's reel code.
   */
  public Job create(String url, String owner) {
    return create(url, owner, null);
  }

  /**
   * As {@link #create(String, String)}, held in {@code pin} when it is not null (else in the
   * tenant's pin, if it has one).
   */
  public Job create(String url, String owner, JobStatus pin) {
    Job job;
    List<Long> evicted;
    Tenant tenant;
    synchronized (structure) {
      tenant = tenants.forOwner(owner, true);
      long id = ids.next(jobs::containsKey);
      Instant now = tenant.now();
      job =
          new Job(
              id,
              url,
              OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
              plans.outcomeFor(id, url),
              plans.timingFor(id),
              JobLifecycle.initial(),
              owner,
              JobLifecycle.initial(),
              now,
              0,
              pin != null ? pin : tenant.pin());
      jobs.put(id, job);
      tenant.created.add(id);
      tenant.jobs++;
    }
    try {
      journal.changed(job.id(), true); // the 202 is sent only once the job is on disk
    } catch (RuntimeException e) {
      synchronized (structure) { // never acknowledged: no poll may find it, no eviction made room
        jobs.remove(job.id());
        forget(tenant, job.id());
      }
      throw e;
    }
    synchronized (structure) {
      evicted = evictWithin(tenant);
    }
    evicted.forEach(id -> journal.changed(id, false));
    LOG.info(
        "job {} {} ({} -> {}{})",
        job.id(),
        job.status().getValue(),
        LogSafe.text(url),
        job.outcome().name(),
        job.pinned() == null ? "" : ", held " + job.pinned().getValue());
    return job;
  }

  /** Adds a job as it is (seeded jobs); later ids stay above it. */
  public void put(Job job) {
    jobs.put(job.id(), job);
    ids.above(job.id());
  }

  /** Whether a client whose token has owner key {@code owner} may see {@code job}. */
  public static boolean visibleTo(Job job, String owner) {
    return job.owner() == null || job.owner().equals(owner);
  }

  /** Jobs as they are now, oldest first, of owners matching {@code ownerFilter} (null: all). */
  public List<Job> list(String ownerFilter) {
    return jobs.values().stream()
        .filter(job -> ownerFilter == null || Owners.matches(job.owner(), ownerFilter))
        .map(this::current)
        .sorted(Comparator.comparingLong(Job::id))
        .toList();
  }

  /** Jobs of {@code tenant} as they are now, oldest first (seeded jobs are the default's). */
  public List<Job> jobsOf(Tenant tenant) {
    return jobs.values().stream()
        .filter(job -> tenants.of(job) == tenant)
        .map(this::current)
        .sorted(Comparator.comparingLong(Job::id))
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

  /** Returns every job of {@code tenant} to its first state, on its clock; how many. */
  public int reset(Tenant tenant) {
    int n = 0;
    for (Job job : jobsOf(tenant)) {
      n += reset(job.id()).isPresent() ? 1 : 0;
    }
    return n;
  }

  /** Deletes every job of matching owners (null: every job a client created); how many. */
  public int deleteOwned(String ownerFilter) {
    List<Long> gone = new ArrayList<>();
    synchronized (structure) {
      Map<Tenant, Set<Long>> byTenant = new HashMap<>();
      for (Job job : jobs.values()) {
        if (job.owner() != null
            && (ownerFilter == null || Owners.matches(job.owner(), ownerFilter))) {
          Tenant t = tenants.of(job);
          if (jobs.remove(job.id()) != null) {
            byTenant.computeIfAbsent(t, k -> new HashSet<>()).add(job.id());
            gone.add(job.id());
          }
        }
      }
      byTenant.forEach(this::forgetAll);
    }
    journalRemoved(gone);
    LOG.info("{} job(s) deleted", gone.size());
    return gone.size();
  }

  /** A new named tenant and the token that submits into it. */
  public Tenants.Created createTenant(String name) {
    Tenants.Created created = tenants.create(name);
    LOG.info("tenant {} created", created.tenant().id());
    return created;
  }

  /** Deletes a tenant and every job in it (the default tenant only loses its jobs); how many. */
  public int deleteTenant(Tenant tenant) {
    List<Long> gone = new ArrayList<>();
    synchronized (structure) {
      for (Job job : jobs.values()) {
        if (job.owner() != null && tenants.of(job) == tenant && jobs.remove(job.id()) != null) {
          gone.add(job.id());
        }
      }
      tenant.created.clear();
      tenant.jobs = 0;
      tenants.remove(tenant);
    }
    journalRemoved(gone);
    LOG.info("tenant {} deleted with {} job(s)", tenant.id(), gone.size());
    return gone.size();
  }

  /** Moves the mock's clock on, and so every tenant's; a state file keeps where it is. */
  public void advanceClock(Duration by) {
    clock.advance(by);
    journal.changed(JobJournal.CLOCK_ONLY, true);
  }

  /** Stops the journal after writing what is left; the store stays readable. */
  public void closeJournal() {
    journal.close();
  }

  /** Evicts from {@code tenant} past its own cap, then from the largest tenant past the store's. */
  private List<Long> evictWithin(Tenant tenant) {
    List<Long> gone = new ArrayList<>();
    while (tenant.jobs > maxJobsPerTenant && evictOne(tenant, gone)) {
      // its own oldest finished job, else its oldest
    }
    while (jobs.size() > maxJobs && evictOne(tenants.largest(), gone)) {
      // the largest tenant pays
    }
    return gone;
  }

  private void evictBeyondLimits(Tenant first) {
    List<Long> gone;
    synchronized (structure) {
      gone = evictWithin(first);
      for (Tenant t : tenants.all()) {
        gone.addAll(evictWithin(t));
      }
    }
    journalRemoved(gone);
  }

  private boolean evictOne(Tenant tenant, List<Long> gone) {
    Long victim = oldestFinished(tenant);
    if (victim == null) {
      return false;
    }
    if (jobs.remove(victim) != null) {
      gone.add(victim);
    }
    forget(tenant, victim);
    return true;
  }

  /** Takes a removed job off its tenant's books; a token's tenant with nothing left goes too. */
  private void forget(Tenant tenant, long id) {
    if (tenant.created.remove(id)) {
      tenant.jobs--;
    }
    if (tenant.disposable()) {
      tenants.remove(tenant);
    }
  }

  private void forgetAll(Tenant tenant, Set<Long> ids) {
    int before = tenant.created.size();
    tenant.created.removeAll(ids);
    tenant.jobs -= before - tenant.created.size();
    if (tenant.disposable()) {
      tenants.remove(tenant);
    }
  }

  private void journalRemoved(List<Long> gone) {
    gone.forEach(id -> journal.changed(id, false));
    if (!gone.isEmpty()) {
      journal.changed(gone.get(gone.size() - 1), true);
    }
  }

  private Long oldestFinished(Tenant tenant) {
    Instant now = tenant.now();
    Iterator<Long> it = tenant.created.iterator();
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
    Job current = find(id);
    return current == null ? Optional.empty() : poll(current);
  }

  /**
   * One client poll of a job {@link #find} returned: the job advanced and counted, atomically;
   * empty when it was deleted or evicted since. The caller read the store once for it.
   */
  public Optional<Job> poll(Job current) {
    long id = current.id();
    if (JobLifecycle.isTerminal(current.status())) {
      return Optional.of(current); // nothing can change: skip the per-key lock
    }
    Instant now = tenants.of(current).now();
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
      journal.changed(id, after.timing().minPollsPerState() > 0 || after.pinned() != null);
      LOG.info("job {} {} -> {}", id, before[0].status(), after.status());
    } else if (after != null && after != before[0]) {
      journal.changed(id, false); // only counted: losing it costs the client one more poll
    }
    return Optional.ofNullable(after);
  }

  /**
   * Job {@code id} as stored (not advanced to now: its outcome, owner and URL, for a {@link
   * #poll(Job)} to follow), null when there is no such job.
   */
  public Job find(long id) {
    return jobs.get(id);
  }

  /** The job as it is now, without counting a poll or storing anything. */
  public Optional<Job> peek(long id) {
    Job job = jobs.get(id);
    return job == null ? Optional.empty() : Optional.of(current(job));
  }

  /** How long until job {@code id} finishes with no further poll; empty when it never does. */
  public Optional<Duration> untilFinished(long id) {
    Job job = jobs.get(id);
    if (job == null) {
      return Optional.empty();
    }
    Instant at = job.finishesAt();
    return at == null ? Optional.empty() : Optional.of(Duration.between(tenants.of(job).now(), at));
  }

  /** Forces a job into {@code status} (admin API); a pin is lifted. Empty when there is no job. */
  public Optional<Job> force(long id, JobStatus status) {
    Optional<Job> after = change(id, (job, now) -> job.forcedTo(status, now));
    after.ifPresent(job -> LOG.info("job {} forced to {}", id, status));
    return after;
  }

  /** Puts a job in {@code state} and holds it there until released. */
  public Optional<Job> pin(long id, JobStatus state) {
    Optional<Job> after = change(id, (job, now) -> job.pinnedTo(state, now));
    after.ifPresent(job -> LOG.info("job {} held {}", id, state));
    return after;
  }

  /** Lets a held job go on from the state it is in, timed from now. */
  public Optional<Job> release(long id) {
    Optional<Job> after = change(id, (job, now) -> job.releasedAt(now));
    after.ifPresent(job -> LOG.info("job {} released", id));
    return after;
  }

  /** Holds every job {@code tenant} creates from now on in {@code state} (null: none). */
  public void pinNewJobs(Tenant tenant, JobStatus state) {
    tenant.pin(state);
    LOG.info("tenant {}: new jobs {}", tenant.id(), state == null ? "run" : "held " + state);
  }

  /** Lifts the tenant's pin and releases every held job of it; how many were released. */
  public int releaseAll(Tenant tenant) {
    pinNewJobs(tenant, null);
    int n = 0;
    for (Job job : jobs.values()) {
      if (job.pinned() != null && tenants.of(job) == tenant && release(job.id()).isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** Returns a job to the state it started in; its lifecycle restarts now (a pin stays). */
  public Optional<Job> reset(long id) {
    return change(id, (job, now) -> job.resetAt(now));
  }

  private interface Change {
    Job apply(Job job, Instant now);
  }

  private Optional<Job> change(long id, Change change) {
    Job after = jobs.computeIfPresent(id, (k, job) -> change.apply(job, tenants.of(job).now()));
    if (after != null) {
      journal.changed(id, true);
    }
    return Optional.ofNullable(after);
  }

  /** Every job as it is now (for the scenario listing); not a snapshot of one instant. */
  public Stream<Job> all() {
    return jobs.values().stream().map(this::current);
  }

  /** Whether job {@code id} exists and is not finished now. */
  public boolean isUnfinished(long id) {
    return peek(id).map(job -> !JobLifecycle.isTerminal(job.status())).orElse(false);
  }

  private Job current(Job job) {
    return job.advancedTo(tenants.of(job).now());
  }

  public int size() {
    return jobs.size();
  }

  /** Ids of client-created jobs kept for eviction; never more than the jobs kept. */
  int evictionQueueSize() {
    return tenants.all().stream().mapToInt(t -> t.created.size()).sum();
  }

  /** The tenants: who owns which jobs and clocks. */
  public Tenants tenants() {
    return tenants;
  }

  /** The tenant job {@code job} belongs to. */
  public Tenant tenantOf(Job job) {
    return tenants.of(job);
  }

  /** Whether new ids are drawn at random (tenants walled in) rather than counted. */
  public boolean unguessableIds() {
    return ids.unguessable();
  }

  public MockClock clock() {
    return clock;
  }
}
