package dev.reelskit.mock.conformance;

import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One API request the mock answered, as the client conformance rules see it: compact, with the
 * token reduced to a fingerprint.
 *
 * @param seq order of arrival, starting at 1
 * @param at when the mock received it, on the mock's clock (scaled when a time scale is set)
 * @param token the token's fingerprint ({@code ist_****3f9a}), {@code "<none>"} when the request
 *     had no Bearer token; never the token itself
 * @param method HTTP method, upper case
 * @param path the request path without the query string
 * @param operation {@code analyzeReel}, {@code getReel}, or null when the path/method is no
 *     operation
 * @param jobId the job created (POST 202) or read (GET), null when none
 * @param httpStatus the status code the mock answered
 * @param shown the job status the response body showed the client, null when none
 * @param retryAfter the wait a 429 asked for, on the mock's clock; null when not a 429
 * @param rejection why the mock refused the request (a short kebab-case code such as {@code
 *     missing-token}, {@code url-required}, {@code malformed-json}), null when it was accepted
 */
public record TrafficEntry(
    long seq,
    Instant at,
    String token,
    String method,
    String path,
    String operation,
    Long jobId,
    int httpStatus,
    JobStatus shown,
    Duration retryAfter,
    String rejection) {

  public TrafficEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
