package dev.reelskit.mock.internal.jobs;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Where new job ids come from. Counting up from the first new id, as the real API's examples
 * suggest, when every client shares the jobs anyway; drawn at random when tenants are walled in
 * ({@code --isolate-tokens}), so that an id says nothing of how many jobs other tenants made.
 *
 * <p>Random ids stay within {@code [FIRST_NEW_ID, 2^53 - 1]}: the spec's {@code int64}, and still
 * exact in JavaScript's {@code number}, which is how the docs' own {@code fetch} snippet reads
 * them. With 2^53 ids, a tenant that guesses a million ids finds another's job with a chance of
 * about one in 10^7 per thousand live jobs, and learns nothing from the ids it was given.
 */
final class JobIds {

  /** The largest id JavaScript reads exactly ({@code Number.MAX_SAFE_INTEGER}). */
  static final long MAX_SAFE_ID = (1L << 53) - 1;

  private final AtomicLong next;
  private final SecureRandom random;

  JobIds(long firstId, boolean unguessable) {
    this.next = new AtomicLong(firstId);
    this.random = unguessable ? new SecureRandom() : null;
  }

  /** A new id that {@code taken} does not hold yet. */
  long next(LongPredicate taken) {
    if (random == null) {
      return next.getAndIncrement();
    }
    long id;
    do {
      id = SeedJobs.FIRST_NEW_ID + random.nextLong(MAX_SAFE_ID - SeedJobs.FIRST_NEW_ID + 1);
    } while (taken.test(id));
    return id;
  }

  /** The counter: the next counted id (what a state file keeps). */
  long peek() {
    return next.get();
  }

  /** Keeps counted ids above {@code id}. */
  void above(long id) {
    next.accumulateAndGet(id + 1, Math::max);
  }

  void atLeast(long value) {
    next.accumulateAndGet(value, Math::max);
  }

  boolean unguessable() {
    return random != null;
  }
}
