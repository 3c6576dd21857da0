package dev.reelskit.mock.internal.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map for state keyed by what a peer sends (e.g. one rate-limit budget per token), holding at
 * most {@code capacity} entries: beyond that the least recently used entry is forgotten. A peer
 * that sends ever new keys then costs a fixed amount of memory instead of one entry per key; the
 * price is that a key unused through {@code capacity} newer ones starts afresh.
 */
public final class BoundedTable<K, V> {

  private final int capacity;
  private final Map<K, V> entries;

  public BoundedTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > BoundedTable.this.capacity;
          }
        };
  }

  /** The entry for {@code key}, created by {@code create} when there is none. */
  public synchronized V get(K key, Function<K, V> create) {
    return entries.computeIfAbsent(key, create);
  }

  public synchronized int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }
}
