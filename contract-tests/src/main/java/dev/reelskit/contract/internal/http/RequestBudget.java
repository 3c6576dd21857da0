package dev.reelskit.contract.internal.http;

import dev.reelskit.contract.cli.RateLimit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window request budget shared by every request sent with one token to one server, so two
 * suites in one JVM never add up to more than the limit. A 429 pauses the whole budget.
 */
public final class RequestBudget {

  private static final Map<String, RequestBudget> SHARED = new ConcurrentHashMap<>();

  private final RateLimit limit;
  private final Deque<Long> sent = new ArrayDeque<>();
  private long pausedUntil;
  private int inFlight;

  RequestBudget(RateLimit limit) {
    this.limit = limit;
  }

  /** The budget for this server and token (the key is a hash: the token itself is not kept). */
  public static RequestBudget forTarget(String baseUrl, String token, RateLimit limit) {
    String key = baseUrl + "#" + token.hashCode() + "#" + limit;
    return SHARED.computeIfAbsent(key, k -> new RequestBudget(limit));
  }

  /**
   * Blocks until one more request fits in the window and holds its slot until {@link #release()}.
   * The slot's time is when the answer came, not when the request left: the server may have seen it
   * arrive any time in between, and its window must never hold more than the limit.
   */
  public synchronized void acquire() throws InterruptedException {
    long window = limit.per().toNanos();
    while (true) {
      long now = System.nanoTime();
      while (!sent.isEmpty() && now - sent.peekFirst() >= window) {
        sent.removeFirst();
      }
      long wait;
      if (now < pausedUntil) {
        wait = pausedUntil - now;
      } else if (sent.size() + inFlight < limit.requests()) {
        inFlight++;
        return;
      } else if (sent.isEmpty()) {
        wait = 10_000_000; // every slot is in flight; release() wakes us
      } else {
        wait = sent.peekFirst() + window - now;
      }
      wait(Math.max(1, wait / 1_000_000));
    }
  }

  /** The request holding a slot got its answer (or failed): its time in the window starts now. */
  public synchronized void release() {
    inFlight--;
    sent.addLast(System.nanoTime());
    notifyAll();
  }

  /** How many requests could start now without waiting (0 while paused by a 429). */
  public synchronized int freeSlots() {
    long now = System.nanoTime();
    if (now < pausedUntil) {
      return 0;
    }
    long window = limit.per().toNanos();
    while (!sent.isEmpty() && now - sent.peekFirst() >= window) {
      sent.removeFirst();
    }
    return Math.max(0, limit.requests() - sent.size() - inFlight);
  }

  /** Nobody sends anything until {@code delay} has passed (a server asked us to back off). */
  public synchronized void pauseFor(Duration delay) {
    pausedUntil = Math.max(pausedUntil, System.nanoTime() + delay.toNanos());
  }

  public RateLimit limit() {
    return limit;
  }
}
