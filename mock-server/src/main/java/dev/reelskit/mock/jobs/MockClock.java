package dev.reelskit.mock.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's clock: wall time multiplied by a time scale, plus whatever the admin API or a test
 * added with {@link #advance(Duration)}. A scale of 0 freezes the clock so only {@code advance}
 * moves it, which is what deterministic tests want.
 */
public final class MockClock {

  private final Clock wall;
  private final double scale;
  private final Instant wallStart;
  private final Instant mockStart;
  private final AtomicLong offsetNanos = new AtomicLong();

  public MockClock(Clock wall, double scale, Instant mockStart) {
    if (scale < 0 || Double.isNaN(scale) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("time scale must be a finite number >= 0, was " + scale);
    }
    this.wall = wall;
    this.scale = scale;
    this.wallStart = wall.instant();
    this.mockStart = mockStart;
  }

  /** Real time, sped up by {@code scale}. */
  public static MockClock scaled(double scale) {
    Clock system = Clock.systemUTC();
    return new MockClock(system, scale, system.instant());
  }

  /** A clock that moves only when advanced. */
  public static MockClock frozenAt(Instant start) {
    return new MockClock(Clock.fixed(start, java.time.ZoneOffset.UTC), 0, start);
  }

  public Instant now() {
    long elapsedWall = Duration.between(wallStart, wall.instant()).toNanos();
    long elapsedMock = scale == 1 ? elapsedWall : (long) (elapsedWall * scale);
    return mockStart.plusNanos(elapsedMock + offsetNanos.get());
  }

  /** Moves mock time forward; negative durations are refused (time never runs backwards). */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + by);
    }
    offsetNanos.addAndGet(by.toNanos());
  }

  public double scale() {
    return scale;
  }

  /**
   * The wall-clock seconds a client must wait for {@code mockTime} to pass, rounded up, at least 1.
   */
  public long wallSecondsFor(Duration mockTime) {
    double seconds = mockTime.toNanos() / 1e9;
    if (scale > 0) {
      seconds = seconds / scale;
    }
    return Math.max(1, (long) Math.ceil(seconds - 1e-9));
  }
}
