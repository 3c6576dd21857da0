package dev.reelskit.mock.conformance;

import dev.reelskit.openapi.DocPage;
import dev.reelskit.openapi.DocPages;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The errors page's advice for transient errors: which answers to retry, how many attempts in all,
 * and the least wait before each retry.
 *
 * @param statuses the answers worth a retry (docs: 429, 500, 502, 503)
 * @param attempts the attempts in all, the first included (docs: at most 3)
 * @param waits the wait before the first retry, the second, ...; the last one repeats (docs: 1 s,
 *     then 2 s)
 */
public record RetryAdvice(Set<Integer> statuses, int attempts, List<Duration> waits) {

  public RetryAdvice {
    statuses = Set.copyOf(statuses);
    waits = List.copyOf(waits);
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    if (waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative())) {
      throw new IllegalArgumentException("waits must be one or more durations >= 0, was " + waits);
    }
  }

  /**
   * The errors page's advice, read from the docs as data ({@link DocPages#retry()}): retry 429,
   * 500, 502 and 503, at most 3 attempts, waiting 1 s, then 2 s.
   */
  public static RetryAdvice documented() {
    DocPage.Retry retry = DocPages.get().retry();
    return new RetryAdvice(
        Set.copyOf(retry.statuses()),
        retry.maxAttempts(),
        retry.waitsSeconds().stream().map(Duration::ofSeconds).toList());
  }

  /**
   * The weight the docs give the advice: {@link Severity#ADVICE} when they recommend it (they do),
   * {@link Severity#REQUIRED} were they ever to require it.
   */
  static Severity documentedWeight() {
    return "required".equals(DocPages.get().retry().weight()) ? Severity.REQUIRED : Severity.ADVICE;
  }

  /** Whether an answer with this HTTP status is worth a retry. */
  public boolean isTransient(int status) {
    return statuses.contains(status);
  }

  /** The least wait before retry number {@code retry} (1 = the second attempt). */
  public Duration waitBefore(int retry) {
    Objects.checkIndex(retry - 1, Integer.MAX_VALUE);
    return waits.get(Math.min(retry, waits.size()) - 1);
  }

  /** {@code 429/500/502/503, at most 3 attempts, waiting 1 s, then 2 s}. */
  String describe() {
    return String.join("/", statuses.stream().sorted().map(String::valueOf).toList())
        + ", at most "
        + attempts
        + " attempts, waiting "
        + String.join(", then ", waits.stream().map(Formats::duration).toList());
  }
}
