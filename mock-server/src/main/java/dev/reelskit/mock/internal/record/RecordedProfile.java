package dev.reelskit.mock.internal.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A recording written down: {@code DIR/profile.json} (each job's state durations, ending and error
 * text) and {@code DIR/results/job-<n>.json} (the analyses, only when the user keeps them; without
 * them the mock replays its own). Tokens never reach either: nothing from a header is written, and
 * every text passes the {@link Redactor}.
 */
final class RecordedProfile {

  static final String FORMAT = "reels-recorded-profile/1";
  static final String FILE = "profile.json";
  static final String RESULTS = "results";

  private RecordedProfile() {}

  /**
   * Writes the profile and its fixtures (replacing an earlier recording in {@code dir}).
   *
   * @param keepResults write the recorded analyses; false: the kit's own are replayed
   * @return the profile file
   */
  static Path write(
      Path dir,
      String source,
      JobTimelines.Found found,
      boolean keepResults,
      Collection<String> tokens)
      throws IOException {
    Redactor redactor = new Redactor(tokens);
    Files.createDirectories(dir);
    Path results = dir.resolve(RESULTS);
    if (Files.isDirectory(results)) {
      try (var old = Files.list(results)) {
        for (Path p : old.toList()) {
          if (p.getFileName().toString().matches("job-\\d+\\.json")) {
            Files.delete(p);
          }
        }
      }
    }
    ObjectNode root = ReelsJson.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("source", source);
    root.put("results", keepResults ? "recorded" : "kit");
    ArrayNode notes = root.putArray("notes");
    found.notes().forEach(n -> notes.add(redactor.redact(n)));
    ArrayNode jobs = root.putArray("jobs");
    int n = 0;
    for (RecordedJob job : found.jobs()) {
      n++;
      ObjectNode j = jobs.addObject();
      j.put("pending_ms", job.pending().toMillis());
      j.put("processing_ms", job.processing().toMillis());
      j.put("ends_in", job.endsIn().getValue());
      if (job.endsIn() == JobStatus.DONE && keepResults && job.result() != null) {
        String name = RESULTS + "/job-" + n + ".json";
        Files.createDirectories(results);
        writeText(
            dir.resolve(name),
            redactor.redact(
                ReelsJson.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(job.result())),
            redactor);
        j.put("result", name);
      } else {
        j.putNull("result");
      }
      j.put("error", redactor.redact(job.error()));
      j.put("polls", job.polls());
      j.put("poll_interval_ms", job.interval().toMillis());
    }
    Path file = dir.resolve(FILE);
    writeText(
        file,
        ReelsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root),
        redactor);
    return file;
  }

  private static void writeText(Path file, String text, Redactor redactor) throws IOException {
    redactor.check(text);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** One job of a profile as read back: timing, ending, and the fixture or error text. */
  record Entry(
      Duration pending, Duration processing, JobStatus endsIn, JsonNode result, String error) {}

  /**
   * Reads {@code dir/profile.json} and its fixtures.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  static List<Entry> read(Path dir) {
    Path file = dir.resolve(FILE);
    JsonNode root;
    try {
      root = ReelsJson.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "replay profile " + file + " cannot be read: " + e.getMessage());
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          "replay profile " + file + " is not a " + FORMAT + " file (made by the record command)");
    }
    List<Entry> out = new ArrayList<>();
    int n = 0;
    for (JsonNode j : root.path("jobs")) {
      n++;
      String where = "replay profile " + file + ", job " + n + ": ";
      long pending = j.path("pending_ms").asLong(-1);
      long processing = j.path("processing_ms").asLong(-1);
      if (pending < 0 || processing < 0) {
        throw new IllegalArgumentException(where + "pending_ms and processing_ms must be >= 0");
      }
      JobStatus ends;
      try {
        ends = JobStatus.fromValue(j.path("ends_in").asText());
      } catch (IllegalArgumentException e) {
        ends = null;
      }
      if (ends != JobStatus.DONE && ends != JobStatus.ERROR) {
        throw new IllegalArgumentException(where + "ends_in must be done or error");
      }
      JsonNode result = null;
      if (j.path("result").isTextual()) {
        Path fixture = dir.resolve(j.path("result").asText()).normalize();
        if (!fixture.startsWith(dir.normalize())) {
          throw new IllegalArgumentException(where + "result must be a file inside " + dir);
        }
        try {
          result = ReelsJson.mapper().readTree(fixture.toFile());
        } catch (IOException e) {
          throw new IllegalArgumentException(where + "result " + fixture + ": " + e.getMessage());
        }
      }
      String error = j.path("error").isTextual() ? j.path("error").asText() : null;
      if (ends == JobStatus.ERROR && (error == null || error.isEmpty())) {
        throw new IllegalArgumentException(where + "a job that ends in error needs its error text");
      }
      out.add(
          new Entry(
              Duration.ofMillis(pending), Duration.ofMillis(processing), ends, result, error));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "replay profile " + file + " holds no job (the recording had none that finished)");
    }
    return out;
  }
}
