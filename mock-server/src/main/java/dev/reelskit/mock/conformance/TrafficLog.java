package dev.reelskit.mock.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A bounded, thread-safe record of the API traffic the mock served, oldest first.
 *
 * <p>Bounded so that a long polling run keeps memory flat: when full, the oldest entry is dropped
 * and counted, and a report can say that its evidence is incomplete.
 */
public final class TrafficLog {

  /** Default capacity: hours of a realistic client, a few MB at most. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final TrafficEntry[] ring;
  private long recorded;

  public TrafficLog() {
    this(DEFAULT_CAPACITY);
  }

  public TrafficLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.ring = new TrafficEntry[capacity];
  }

  /** The sequence number the next entry must carry. */
  public synchronized long nextSeq() {
    return recorded + 1;
  }

  /** Appends an entry, dropping the oldest one when full. */
  public synchronized void record(TrafficEntry entry) {
    ring[(int) (recorded % ring.length)] = entry;
    recorded++;
  }

  /**
   * Builds and appends the next entry under one lock, so that concurrent writers never share a
   * sequence number (calling {@link #nextSeq()} then {@link #record} leaves a gap between them).
   */
  public synchronized TrafficEntry recordNext(LongFunction<TrafficEntry> entryForSeq) {
    TrafficEntry entry = entryForSeq.apply(recorded + 1);
    record(entry);
    return entry;
  }

  /** The entries still held, oldest first. */
  public synchronized List<TrafficEntry> snapshot() {
    int held = (int) Math.min(recorded, ring.length);
    List<TrafficEntry> entries = new ArrayList<>(held);
    for (long i = recorded - held; i < recorded; i++) {
      entries.add(ring[(int) (i % ring.length)]);
    }
    return entries;
  }

  /** How many entries were dropped because the log was full. */
  public synchronized long dropped() {
    return Math.max(0, recorded - ring.length);
  }

  /** Forgets every entry; sequence numbers start again at 1. */
  public synchronized void clear() {
    Arrays.fill(ring, null);
    recorded = 0;
  }
}
