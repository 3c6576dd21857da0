package dev.reelskit.mock.internal.extension;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the polls of {@code FLAKY...} jobs: every {@value #EVERY}th one answers 500 without
 * touching the job, so the job still moves on and finishes. One counter per flaky job, no more.
 */
final class FlakyPolls {

  static final int EVERY = 3;

  private final Map<Long, AtomicInteger> polls = new ConcurrentHashMap<>();

  /** Counts one poll of job {@code id}; true when this one fails. */
  boolean fails(long id) {
    return polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() % EVERY == 0;
  }
}
