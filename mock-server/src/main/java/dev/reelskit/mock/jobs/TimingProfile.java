package dev.reelskit.mock.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/** How fast jobs move through their lifecycle. */
public enum TimingProfile {
  /** Done in 5-90 s of mock time, drawn per job from the seed so runs repeat. */
  REALISTIC("jobs finish in 5-90 s (seeded per job)") {
    @Override
    public JobTiming timingFor(long jobId, long seed) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + jobId);
      long totalMillis = random.nextLong(5_000, 90_001);
      long pendingMillis = totalMillis * random.nextInt(10, 31) / 100;
      return new JobTiming(
          Duration.ofMillis(pendingMillis), Duration.ofMillis(totalMillis - pendingMillis), 0);
    }
  },
  /** One poll sees pending, the next processing, the one after the terminal state. */
  FAST("one poll pending, one poll processing, then done or error") {
    @Override
    public JobTiming timingFor(long jobId, long seed) {
      return FAST_TIMING;
    }
  },
  /**
   * Done in about 5 s, and every state is shown to at least one poll: the `java -jar` default. A
   * state waits for its poll only until the job is 90 s old (the documented maximum), so a client
   * that polls rarely still sees its job end in time.
   */
  QUICK("pending 2 s, processing 3 s, each state shown to at least one poll (up to 90 s)") {
    @Override
    public JobTiming timingFor(long jobId, long seed) {
      return QUICK_TIMING;
    }
  };

  private static final JobTiming FAST_TIMING = new JobTiming(Duration.ZERO, Duration.ZERO, 1);
  private static final JobTiming QUICK_TIMING =
      new JobTiming(Duration.ofSeconds(2), Duration.ofSeconds(3), 1, Duration.ofSeconds(90));

  private final String description;

  TimingProfile(String description) {
    this.description = description;
  }

  /** The timing of job {@code jobId}; a pure function of its arguments. */
  public abstract JobTiming timingFor(long jobId, long seed);

  public String description() {
    return description;
  }

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TimingProfile fromCliName(String name) {
    for (TimingProfile p : values()) {
      if (p.cliName().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '" + name + "' (expected realistic, fast or quick)");
  }
}
