package dev.reelskit.mock.conformance;

import static dev.reelskit.openapi.model.JobStatus.PENDING;

import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-built traffic: {@code new Traffic().at(0).submit(1).at(0.2).poll(1, PENDING)}. */
final class Traffic {

  static final Instant ORIGIN = Instant.parse("2026-05-22T10:00:00Z");
  static final String TOKEN = "ist_****3f9a";
  static final String ANALYZE_PATH = "/api/v1/reels/analyze";

  private final List<TrafficEntry> entries = new ArrayList<>();
  private Instant now = ORIGIN;
  private String token = TOKEN;

  /** Moves the clock to {@code seconds} after the origin. */
  Traffic at(double seconds) {
    now = ORIGIN.plusMillis(Math.round(seconds * 1000));
    return this;
  }

  Traffic token(String value) {
    token = value;
    return this;
  }

  Traffic submit(long jobId) {
    return add("POST", ANALYZE_PATH, ClientTraffic.ANALYZE, jobId, 202, PENDING, null, null);
  }

  Traffic poll(long jobId, JobStatus shown) {
    return add("GET", "/api/v1/reels/" + jobId, ClientTraffic.GET, jobId, 200, shown, null, null);
  }

  /** A poll answered {@code status} without a job in the body (e.g. 500, 503, 429 without wait). */
  Traffic pollAnswered(long jobId, int status) {
    return add("GET", "/api/v1/reels/" + jobId, ClientTraffic.GET, jobId, status, null, null, null);
  }

  /** A submission answered {@code status} without a job (e.g. 500). */
  Traffic submitAnswered(int status) {
    return add("POST", ANALYZE_PATH, ClientTraffic.ANALYZE, null, status, null, null, null);
  }

  Traffic submitRefused(String rejection, double retryAfterSeconds) {
    return add(
        "POST",
        ANALYZE_PATH,
        ClientTraffic.ANALYZE,
        null,
        429,
        null,
        Duration.ofMillis(Math.round(retryAfterSeconds * 1000)),
        rejection);
  }

  Traffic rejected(String method, String path, String operation, int status, String rejection) {
    return add(method, path, operation, null, status, null, null, rejection);
  }

  Traffic add(
      String method,
      String path,
      String operation,
      Long jobId,
      int status,
      JobStatus shown,
      Duration retryAfter,
      String rejection) {
    entries.add(
        new TrafficEntry(
            entries.size() + 1,
            now,
            token,
            method,
            path,
            operation,
            jobId,
            status,
            shown,
            retryAfter,
            rejection));
    return this;
  }

  List<TrafficEntry> entries() {
    return List.copyOf(entries);
  }

  ClientConformanceReport judge() {
    return judge(ClientRuleSettings.defaults());
  }

  ClientConformanceReport judge(ClientRuleSettings settings) {
    return ClientConformance.judge(entries, settings, "test", 0);
  }
}
