package dev.reelskit.mock.internal.jobs;

/**
 * A change a client was about to be told of could not be written to the state file (the disk is
 * full, the file went read-only, the disk failed). The change is not acknowledged: the API answers
 * 503 with {@code Retry-After}, and the journal keeps trying in the background, so the mock
 * recovers by itself once the disk takes writes again.
 */
public final class StateFileUnavailableException extends IllegalStateException {

  private final boolean diskFull;

  public StateFileUnavailableException(String message, boolean diskFull, Throwable cause) {
    super(message, cause);
    this.diskFull = diskFull;
  }

  /** Whether the disk (or the file system holding the state file) has no space left. */
  public boolean diskFull() {
    return diskFull;
  }
}
