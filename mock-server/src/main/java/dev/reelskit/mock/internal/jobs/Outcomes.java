package dev.reelskit.mock.internal.jobs;

import dev.reelskit.openapi.DocPage;
import dev.reelskit.openapi.DocPages;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.ReelAnalysis;
import dev.reelskit.openapi.model.ReelJob;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The magic reel codes: the path segment after {@code /reel/} or {@code /p/} decides how a job
 * ends. These are a fixed contract (the contract suites' defaults depend on them) and are listed in
 * the README. Each cause of a failed job the errors page names has its code ({@link #CAUSE_CODES}),
 * and its job ends in {@code error} with that cause's message as the documentation pages give it.
 */
public final class Outcomes {

  /** Code prefix that makes the POST itself fail with 500. */
  public static final String SERVER_FAILURE_PREFIX = "HTTP500";

  private static final Pattern CODE = Pattern.compile("/(?:reel|p)/([A-Za-z0-9_-]+)");

  private static final ReelsApiSpec SPEC = ReelsApiSpec.get();
  private static final ReelAnalysis COOKING = analysis("JobDoneCooking");
  private static final ReelAnalysis NO_SPEECH = analysis("JobDoneNoSpeech");
  private static final ReelAnalysis NO_META = analysis("JobDoneNoPlatformMeta");
  private static final String PRIVATE = SPEC.example("JobError", ReelJob.class).getError();

  /**
   * The magic code of each documented cause of a failed job (errors page), by the cause's id in
   * {@code openapi/doc-pages/errors.yaml}. {@code ERROR} alone is the first cause, the video being
   * unavailable.
   */
  public static final Map<String, String> CAUSE_CODES =
      Map.of(
          "video-unavailable", "ERRORunavailable",
          "instagram-rate-limited", "ERRORratelimited",
          "ai-failed", "ERRORai",
          "format-unsupported", "ERRORformat",
          "storage-error", "ERRORstorage");

  public static final Outcome DONE_COOKING = done("JobDoneCooking", COOKING);
  public static final Outcome DONE_NO_SPEECH = done("JobDoneNoSpeech", NO_SPEECH);
  public static final Outcome DONE_NO_META = done("JobDoneNoPlatformMeta", NO_META);
  public static final Outcome ERROR_PRIVATE = failed("ERROR", PRIVATE);

  /** One outcome per documented cause (the first is {@link #ERROR_PRIVATE}). */
  private static final Map<String, Outcome> BY_CAUSE = byCause();

  public static final Outcome ERROR_TOO_LONG =
      failed("ERRORlong", "Video is longer than 90 seconds");
  public static final Outcome ERROR_NO_VIDEO = failed("ERRORnovideo", "The post has no video");
  public static final Outcome ERROR_DOWNLOAD =
      failed("ERRORdownload", "Could not download the video, try again later");

  public static final Outcome FLAKY = DONE_COOKING.withPolls("FLAKY", Outcome.Polls.FLAKY);
  public static final Outcome SLOW = DONE_COOKING.withPolls("SLOW", Outcome.Polls.SLOW);

  private static final Map<String, Outcome> BY_NAME =
      Stream.concat(
              Stream.of(
                  DONE_COOKING,
                  DONE_NO_SPEECH,
                  DONE_NO_META,
                  ERROR_TOO_LONG,
                  ERROR_NO_VIDEO,
                  ERROR_DOWNLOAD,
                  FLAKY,
                  SLOW),
              BY_CAUSE.values().stream().distinct())
          .collect(Collectors.toUnmodifiableMap(Outcome::name, o -> o));

  private Outcomes() {}

  /** Every outcome a reel code can select. */
  public static Collection<Outcome> all() {
    return BY_NAME.values();
  }

  /** The outcome of a documented cause of failure, by its id in the errors page's fixture. */
  public static Outcome forCause(String causeId) {
    Outcome o = BY_CAUSE.get(causeId);
    if (o == null) {
      throw new IllegalArgumentException("no documented cause " + causeId);
    }
    return o;
  }

  /** The outcome with this {@link Outcome#name()}, null when there is none (state files). */
  public static Outcome named(String name) {
    return BY_NAME.get(name);
  }

  /** The reel code of a URL that matched the spec's pattern, or "" when there is none. */
  public static String reelCode(String url) {
    Matcher m = CODE.matcher(url);
    return m.find() ? m.group(1) : "";
  }

  public static boolean isServerFailure(String url) {
    return reelCode(url).startsWith(SERVER_FAILURE_PREFIX);
  }

  /** The outcome the magic code of {@code url} selects; the cooking video for any other code. */
  public static Outcome forUrl(String url) {
    String code = reelCode(url);
    if (code.startsWith("ERROR")) {
      String variant = code.substring(5).toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> cause : CAUSE_CODES.entrySet()) {
        if (variant.startsWith(cause.getValue().substring(5).toLowerCase(Locale.ROOT))) {
          return BY_CAUSE.get(cause.getKey());
        }
      }
      if (variant.startsWith("long")) {
        return ERROR_TOO_LONG;
      } else if (variant.startsWith("novideo")) {
        return ERROR_NO_VIDEO;
      } else if (variant.startsWith("download")) {
        return ERROR_DOWNLOAD;
      }
      return ERROR_PRIVATE;
    }
    if (code.startsWith("NOSPEECH")) {
      return DONE_NO_SPEECH;
    }
    if (code.startsWith("NOMETA")) {
      return DONE_NO_META;
    }
    if (code.startsWith("FLAKY")) {
      return FLAKY;
    }
    if (code.startsWith("SLOW")) {
      return SLOW;
    }
    return DONE_COOKING;
  }

  /**
   * Each documented cause's outcome, ending with the page's message (the first cause's is the
   * spec's {@code JobError} example, which must say the same: a test holds them together).
   */
  private static Map<String, Outcome> byCause() {
    Map<String, Outcome> out = new LinkedHashMap<>();
    for (DocPage.Cause cause : DocPages.get().causes()) {
      String code = CAUSE_CODES.get(cause.id());
      if (code == null) {
        throw new IllegalStateException(
            "the documented cause " + cause.id() + " has no magic code");
      }
      out.put(
          cause.id(),
          cause.id().equals("video-unavailable") ? ERROR_PRIVATE : failed(code, cause.message()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static ReelAnalysis analysis(String example) {
    return SPEC.example(example, ReelJob.class).getResult();
  }

  private static Outcome done(String name, ReelAnalysis analysis) {
    return new Outcome(name, JobStatus.DONE, analysis, PRIVATE, Outcome.Polls.NORMAL);
  }

  private static Outcome failed(String name, String reason) {
    return new Outcome(name, JobStatus.ERROR, COOKING, reason, Outcome.Polls.NORMAL);
  }
}
