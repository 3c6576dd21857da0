package dev.reelskit.mock.internal.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each job's timeline from a recording: created at its {@code 202}, then what each {@code 200} of
 * its GETs showed. A state change happened somewhere between the last look that showed the old
 * state and the first that showed the new one; the estimate is the middle, so it is never more than
 * half a poll interval off. A job the recording never saw finish, or saw without its POST, is left
 * out with a note.
 */
final class JobTimelines {

  /** The jobs found, and a line for each one left out. */
  record Found(List<RecordedJob> jobs, List<String> notes) {}

  private record Look(Instant at, JobStatus status, JsonNode body) {}

  private JobTimelines() {}

  static Found of(List<Exchange> unordered) {
    List<Exchange> exchanges = new ArrayList<>(unordered);
    exchanges.sort(Comparator.comparing(Exchange::at)); // stable: same-instant looks keep order
    Map<Long, Instant> created = new LinkedHashMap<>();
    Map<Long, List<Look>> looks = new LinkedHashMap<>();
    for (Exchange e : exchanges) {
      JsonNode body = json(e.body());
      if (ApiPaths.isAnalyze(e.method(), e.path())) {
        if (e.status() == 202 && body != null && body.path("id").canConvertToLong()) {
          created.putIfAbsent(body.path("id").asLong(), e.at());
        }
        continue;
      }
      long id = ApiPaths.jobId(e.method(), e.path());
      JobStatus status = e.status() == 200 && body != null ? status(body) : null;
      if (id >= 0 && status != null) {
        looks.computeIfAbsent(id, k -> new ArrayList<>()).add(new Look(e.at(), status, body));
      }
    }
    List<RecordedJob> jobs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Map.Entry<Long, Instant> c : created.entrySet()) {
      List<Look> seen = looks.getOrDefault(c.getKey(), List.of());
      String why = check(seen);
      if (why != null) {
        notes.add("a job (the recording's job " + c.getKey() + ") " + why + ": left out");
        continue;
      }
      jobs.add(timeline(c.getValue(), seen));
    }
    looks.keySet().stream()
        .filter(id -> !created.containsKey(id))
        .forEach(
            id ->
                notes.add(
                    "a job (the recording's job "
                        + id
                        + ") was polled but its POST is not in the recording: left out"));
    return new Found(jobs, notes);
  }

  private static String check(List<Look> seen) {
    if (seen.isEmpty()) {
      return "was never polled";
    }
    if (!JobLifecycle.isTerminal(seen.get(seen.size() - 1).status())) {
      return "never finished in the recording (last seen "
          + seen.get(seen.size() - 1).status().getValue()
          + ")";
    }
    for (int i = 1; i < seen.size(); i++) {
      if (rank(seen.get(i).status()) < rank(seen.get(i - 1).status())) {
        return "went back from "
            + seen.get(i - 1).status().getValue()
            + " to "
            + seen.get(i).status().getValue();
      }
    }
    return null;
  }

  private static RecordedJob timeline(Instant createdAt, List<Look> seen) {
    Instant lastPending = createdAt;
    Instant firstProcessing = null;
    Instant lastProcessing = null;
    Look terminal = null;
    for (Look look : seen) {
      switch (look.status()) {
        case PENDING -> lastPending = look.at();
        case PROCESSING -> {
          firstProcessing = firstProcessing == null ? look.at() : firstProcessing;
          lastProcessing = look.at();
        }
        default -> terminal = terminal == null ? look : terminal;
      }
    }
    Instant startsProcessing =
        middle(lastPending, firstProcessing != null ? firstProcessing : terminal.at());
    Instant ends =
        firstProcessing == null ? startsProcessing : middle(lastProcessing, terminal.at());
    List<Duration> gaps = new ArrayList<>();
    Instant previous = createdAt;
    for (Look look : seen) {
      gaps.add(Duration.between(previous, look.at()));
      previous = look.at();
    }
    gaps.sort(Duration::compareTo);
    JsonNode body = terminal.body();
    return new RecordedJob(
        Duration.between(createdAt, startsProcessing),
        Duration.between(startsProcessing, ends),
        terminal.status(),
        terminal.status() == JobStatus.DONE && body.path("result").isObject()
            ? body.path("result")
            : null,
        terminal.status() == JobStatus.ERROR ? body.path("error").asText(null) : null,
        seen.size(),
        gaps.get(gaps.size() / 2));
  }

  private static Instant middle(Instant a, Instant b) {
    return a.plus(Duration.between(a, b).dividedBy(2));
  }

  private static int rank(JobStatus s) {
    return switch (s) {
      case PENDING -> 0;
      case PROCESSING -> 1;
      default -> 2;
    };
  }

  private static JobStatus status(JsonNode body) {
    JsonNode s = body.path("status");
    if (!s.isTextual() || !body.has("created_at")) {
      return null; // not a job (a 404's {"status": "error"} has no created_at)
    }
    try {
      return JobStatus.fromValue(s.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode json(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return ReelsJson.mapper().readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
