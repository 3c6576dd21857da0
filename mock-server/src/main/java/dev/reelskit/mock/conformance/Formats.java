package dev.reelskit.mock.conformance;

import java.math.BigDecimal;
import java.time.Duration;

/** How reports write durations: {@code 850 ms}, {@code 5 s}, {@code 4.5 s}. */
final class Formats {

  private Formats() {}

  static String duration(Duration d) {
    long millis = d.toMillis();
    if (Math.abs(millis) < 1000) {
      return millis + " ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
  }
}
