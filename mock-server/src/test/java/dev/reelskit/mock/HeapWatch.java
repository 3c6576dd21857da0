package dev.reelskit.mock;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * What this JVM's heap did over a stretch of a test: the bytes every thread allocated (an upper
 * bound on any growth of the heap, whatever the collector does) and the highest the old generation
 * rose above where it started (where a large buffer lands, and stays while it is alive).
 */
public final class HeapWatch {

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final List<MemoryPoolMXBean> old =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
          .toList();
  private long allocatedAtStart;
  private long oldAtStart;

  /** What was measured, in bytes. */
  public record Measured(long allocated, long oldGenPeakGrowth) {
    @Override
    public String toString() {
      return String.format(
          "%.1f MB allocated, old generation peak %+.1f MB",
          allocated / 1e6, oldGenPeakGrowth / 1e6);
    }
  }

  public static HeapWatch start() {
    HeapWatch w = new HeapWatch();
    System.gc();
    w.old.forEach(MemoryPoolMXBean::resetPeakUsage);
    w.oldAtStart = w.old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    w.allocatedAtStart = w.threads.getTotalThreadAllocatedBytes();
    return w;
  }

  public Measured stop() {
    long allocated = threads.getTotalThreadAllocatedBytes() - allocatedAtStart;
    long peak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Measured(allocated, Math.max(0, peak - oldAtStart));
  }
}
