package dev.reelskit.mock.internal.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the {@code record} command does with a HAR file, and how it says what it found. */
public final class Recordings {

  /** What one recording became: the profile written (null when no job finished), a line per job. */
  public record Result(Path profile, List<String> jobs, int exchanges, List<String> notes) {}

  private Recordings() {}

  /**
   * Reads a HAR file and writes the profile and fixtures of every job that finished in it.
   *
   * @return what was recorded; no jobs (and nothing written) when none finished in the file
   * @throws IllegalArgumentException when the file is not a HAR
   */
  public static Result fromHar(Path har, Path out, boolean keepResults) throws IOException {
    HarReader.Contents contents = HarReader.read(har);
    JobTimelines.Found found = JobTimelines.of(contents.exchanges());
    if (found.jobs().isEmpty()) {
      return new Result(null, List.of(), contents.exchanges().size(), found.notes());
    }
    Path profile = RecordedProfile.write(out, "har", found, keepResults, contents.tokens());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < found.jobs().size(); i++) {
      lines.add(describe(i + 1, found.jobs().get(i)));
    }
    return new Result(profile, lines, contents.exchanges().size(), found.notes());
  }

  /** One line for a recorded job: its durations and ending, never its content or a token. */
  static String describe(int n, RecordedJob job) {
    return String.format(
        Locale.ROOT,
        "job %d: pending %.1f s, processing %.1f s, %s (%d polls, every %.1f s)",
        n,
        job.pending().toMillis() / 1000.0,
        job.processing().toMillis() / 1000.0,
        job.endsIn().getValue(),
        job.polls(),
        job.interval().toMillis() / 1000.0);
  }
}
