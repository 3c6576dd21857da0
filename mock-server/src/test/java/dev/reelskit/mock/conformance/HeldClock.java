package dev.reelskit.mock.conformance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall time that stands still until released, then runs on from where it stood. A test can set up a
 * state that expires with time (a used-up request budget) and know it still holds when a
 * slow-starting client sends its first request, however loaded the machine.
 */
final class HeldClock extends Clock {

  private final Clock system = Clock.systemUTC();
  private volatile Instant heldAt = system.instant();
  private volatile Duration lost = Duration.ZERO;

  /** Lets time run from now on, without the jump of the time it stood still. */
  synchronized void release() {
    if (heldAt != null) {
      lost = Duration.between(heldAt, system.instant());
      heldAt = null;
    }
  }

  @Override
  public Instant instant() {
    Instant held = heldAt;
    return held != null ? held : system.instant().minus(lost);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
