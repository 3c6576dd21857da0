package dev.reelskit.mock.internal.cli;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the mock's log threshold for a while, so that {@code check-client}'s stdout holds the
 * client's output and the report rather than the mock's job state changes.
 *
 * <p>SLF4J has no API to set a level and logback is only a runtime dependency of the executable jar
 * (STYLE.md rule 19), so logback's {@code setLevel} is reached reflectively; under any other
 * binding the configured levels stay as they are.
 */
final class MockLogLevel implements AutoCloseable {

  private static final String MOCK_LOGGERS = "dev.reelskit.mock";

  private final Logger logger;
  private final Object previous;
  private final boolean changed;

  private MockLogLevel(Logger logger, Object previous, boolean changed) {
    this.logger = logger;
    this.previous = previous;
    this.changed = changed;
  }

  /** WARN and above only for every {@code dev.reelskit.mock} logger until {@link #close()}. */
  static MockLogLevel warnOnly() {
    Logger logger = LoggerFactory.getLogger(MOCK_LOGGERS);
    try {
      Class<?> level =
          Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader());
      Object previous = logger.getClass().getMethod("getLevel").invoke(logger);
      setLevel(logger, level, level.getField("WARN").get(null));
      return new MockLogLevel(logger, previous, true);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new MockLogLevel(logger, null, false); // not logback: leave the binding alone
    }
  }

  /** Leaves every level as configured. */
  static MockLogLevel unchanged() {
    return new MockLogLevel(null, null, false);
  }

  /** Restores the level the logger had (in-process callers such as tests share the JVM). */
  @Override
  public void close() {
    if (!changed) {
      return;
    }
    try {
      setLevel(
          logger,
          Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader()),
          previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // restoring is best effort; the check's result does not depend on it
    }
  }

  private static void setLevel(Logger logger, Class<?> level, Object value)
      throws ReflectiveOperationException {
    Method setLevel = logger.getClass().getMethod("setLevel", level);
    setLevel.invoke(logger, value);
  }
}
