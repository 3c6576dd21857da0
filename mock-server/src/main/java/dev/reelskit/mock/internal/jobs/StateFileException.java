package dev.reelskit.mock.internal.jobs;

/**
 * The state file cannot be used: unreadable, corrupt, or not a state file. The mock refuses to
 * start (exit 64) and leaves the file as it is, rather than replacing what may be someone's jobs.
 */
public final class StateFileException extends IllegalArgumentException {

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
