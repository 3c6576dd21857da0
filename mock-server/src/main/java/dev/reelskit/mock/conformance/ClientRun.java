package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client process ended.
 *
 * @param exitCode the process's exit code; -1 when it was killed on timeout
 * @param elapsed wall-clock time from start to exit (or kill)
 * @param timedOut whether the kit killed it (with its child processes) at the time bound
 * @param output what it printed (stdout and stderr merged, token masked), empty when inherited
 */
public record ClientRun(int exitCode, Duration elapsed, boolean timedOut, String output) {

  public ClientRun {
    Objects.requireNonNull(elapsed, "elapsed");
    output = output == null ? "" : output;
  }

  /** One line for reports: {@code exited 0 after 3.2 s}. */
  public String describe() {
    return timedOut
        ? "timed out after " + Formats.duration(elapsed) + ", killed with its child processes"
        : "exited " + exitCode + " after " + Formats.duration(elapsed);
  }
}
