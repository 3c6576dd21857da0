package dev.reelskit.contract.internal.http;

import dev.reelskit.contract.rules.ContractConfigurationException;

/**
 * What stops a run that is not a verdict on the server, as the one line it ends with: exit 2, never
 * 1. An {@link OutOfMemoryError} is caught where the run's record has become unreachable, so the
 * report still has room; JUnit would rethrow it and end the launch without one.
 */
public final class RunStops {

  private RunStops() {}

  /** {@code thrown} as a configuration failure; one already is returned as it is. */
  public static ContractConfigurationException of(Throwable thrown) {
    if (thrown instanceof ContractConfigurationException e) {
      return e;
    }
    if (thrown instanceof OutOfMemoryError) {
      return new ContractConfigurationException(
          "the run ran out of memory (the JVM's heap is "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB): "
              + ServerText.cut(String.valueOf(thrown.getMessage()), ServerText.WORD),
          thrown);
    }
    return new ContractConfigurationException(
        "the run stopped: "
            + thrown.getClass().getSimpleName()
            + ": "
            + ServerText.cut(String.valueOf(thrown.getMessage()), ServerText.ROW),
        thrown);
  }
}
