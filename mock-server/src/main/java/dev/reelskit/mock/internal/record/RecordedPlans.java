package dev.reelskit.mock.internal.record;

import dev.reelskit.mock.internal.jobs.JobPlans;
import dev.reelskit.mock.internal.jobs.Outcome;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.ReelAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording replayed: job {@code id} lives the recorded job {@code id mod n} (so consecutive new
 * jobs go through the recording in order, and any id gets a lifecycle): its state durations, on the
 * mock's clock (so {@code --time-scale} replays it faster), and its ending: the recorded analysis
 * (or the kit's own when results were not kept) or the recorded error text. A URL's magic code
 * still decides the ending when it names one.
 */
public final class RecordedPlans implements JobPlans {

  private final List<JobTiming> timings = new ArrayList<>();
  private final List<Outcome> outcomes = new ArrayList<>();

  private RecordedPlans(List<RecordedProfile.Entry> entries) {
    int n = 0;
    for (RecordedProfile.Entry e : entries) {
      n++;
      timings.add(new JobTiming(e.pending(), e.processing(), 0));
      String name = "recorded-" + n;
      if (e.endsIn() == JobStatus.DONE) {
        ReelAnalysis analysis =
            e.result() == null
                ? Outcomes.DONE_COOKING.analysis()
                : ReelsJson.mapper().convertValue(e.result(), ReelAnalysis.class);
        outcomes.add(
            new Outcome(
                name,
                JobStatus.DONE,
                analysis,
                Outcomes.ERROR_PRIVATE.error(),
                Outcome.Polls.NORMAL));
      } else {
        outcomes.add(
            new Outcome(
                name,
                JobStatus.ERROR,
                Outcomes.DONE_COOKING.analysis(),
                e.error(),
                Outcome.Polls.NORMAL));
      }
    }
  }

  /**
   * The profile a {@code record} run wrote to {@code dir}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static RecordedPlans load(Path dir) {
    List<RecordedProfile.Entry> entries = RecordedProfile.read(dir);
    try {
      return new RecordedPlans(entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "replay profile "
              + dir.resolve(RecordedProfile.FILE)
              + ": a result does not read as"
              + " the spec's analysis: "
              + e.getMessage(),
          e);
    }
  }

  /** How many recorded jobs it replays. */
  public int size() {
    return timings.size();
  }

  @Override
  public JobTiming timingFor(long id) {
    return timings.get(index(id));
  }

  @Override
  public Outcome outcomeFor(long id, String url) {
    Outcome magic = Outcomes.forUrl(url);
    return magic != Outcomes.DONE_COOKING ? magic : outcomes.get(index(id));
  }

  private int index(long id) {
    return (int) Math.floorMod(id, (long) timings.size());
  }
}
