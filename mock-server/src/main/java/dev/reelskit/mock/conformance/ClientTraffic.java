package dev.reelskit.mock.conformance;

import dev.reelskit.mock.internal.conformance.TokenMask;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Views of recorded traffic that several rules share. */
final class ClientTraffic {

  static final String ANALYZE = "analyzeReel";
  static final String GET = "getReel";

  private ClientTraffic() {}

  private static final Pattern JOB_PATH = Pattern.compile("/api/v1/reels/(\\d{1,18})");

  /**
   * Whether the entry is a read of one job ({@code GET /api/v1/reels/{id}}) by a token the mock
   * accepted, whatever it answered: a poll refused with 429 is still a poll the client sent. Reads
   * refused for their token (401, 403) are CC-AUTH-001's, and may come from another client.
   */
  static boolean isPoll(TrafficEntry e) {
    return GET.equals(e.operation())
        && jobOf(e) != null
        && e.httpStatus() != 401
        && e.httpStatus() != 403;
  }

  /**
   * The job an entry created or read: its recorded id, or for a read the id its path names (a
   * refused read may be recorded without one). Null when neither names a job.
   */
  static Long jobOf(TrafficEntry e) {
    if (e.jobId() != null) {
      return e.jobId();
    }
    Matcher m = JOB_PATH.matcher(e.path());
    return GET.equals(e.operation()) && m.matches() ? Long.valueOf(m.group(1)) : null;
  }

  /** Whether the entry is a submission attempt, whatever its outcome. */
  static boolean isSubmit(TrafficEntry e) {
    return ANALYZE.equals(e.operation());
  }

  /** Whether the entry created a job (a 202 with its id). */
  static boolean isCreation(TrafficEntry e) {
    return isSubmit(e) && e.httpStatus() == 202 && e.jobId() != null;
  }

  static boolean showsTerminal(TrafficEntry e) {
    return e.shown() != null && JobLifecycle.isTerminal(e.shown());
  }

  /**
   * Entries grouped by token fingerprint, each group oldest first; requests without a token left
   * out.
   */
  static Map<String, List<TrafficEntry>> byToken(List<TrafficEntry> traffic) {
    Map<String, List<TrafficEntry>> groups = new LinkedHashMap<>();
    for (TrafficEntry e : traffic) {
      if (!TokenMask.NONE.equals(e.token())) {
        groups.computeIfAbsent(e.token(), k -> new ArrayList<>()).add(e);
      }
    }
    return groups;
  }

  /** Polls grouped by job id, each group oldest first. */
  static Map<Long, List<TrafficEntry>> pollsByJob(List<TrafficEntry> traffic) {
    Map<Long, List<TrafficEntry>> groups = new LinkedHashMap<>();
    for (TrafficEntry e : traffic) {
      if (isPoll(e)) {
        groups.computeIfAbsent(jobOf(e), k -> new ArrayList<>()).add(e);
      }
    }
    return groups;
  }

  /** The request that created each job still in the log. */
  static Map<Long, TrafficEntry> creations(List<TrafficEntry> traffic) {
    Map<Long, TrafficEntry> created = new LinkedHashMap<>();
    for (TrafficEntry e : traffic) {
      if (isCreation(e)) {
        created.putIfAbsent(e.jobId(), e);
      }
    }
    return created;
  }

  /** The first response that showed the job a terminal status. */
  static Optional<TrafficEntry> firstTerminal(List<TrafficEntry> jobTraffic) {
    return jobTraffic.stream().filter(ClientTraffic::showsTerminal).findFirst();
  }

  /** The last status shown for the job before {@code seq}, null when none. */
  static JobStatus shownBefore(List<TrafficEntry> jobTraffic, long seq) {
    JobStatus shown = null;
    for (TrafficEntry e : jobTraffic) {
      if (e.seq() >= seq) {
        break;
      }
      if (e.shown() != null) {
        shown = e.shown();
      }
    }
    return shown;
  }

  static Duration gap(TrafficEntry from, TrafficEntry to) {
    return Duration.between(from.at(), to.at());
  }
}
