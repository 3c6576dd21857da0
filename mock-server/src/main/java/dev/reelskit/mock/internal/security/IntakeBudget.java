package dev.reelskit.mock.internal.security;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held at once, across every request being read. Each body takes its
 * buffer's growth from here and gives it back once the mock has answered; a body that finds the
 * budget spent is refused (503), so many concurrent uploads cost a fixed amount of memory.
 */
final class IntakeBudget {

  private final long capacity;
  private final AtomicLong held = new AtomicLong();

  IntakeBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} when they fit, else nothing. */
  boolean take(long bytes) {
    while (true) {
      long now = held.get();
      if (now + bytes > capacity) {
        return false;
      }
      if (held.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void giveBack(long bytes) {
    held.addAndGet(-bytes);
  }

  long held() {
    return held.get();
  }

  long capacity() {
    return capacity;
  }
}
