package dev.reelskit.mock.internal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ApiError;
import java.time.Duration;
import java.util.Map;

/** A request the guards turn away: its status, {@code {"error": message}} and extra headers. */
public record Refusal(int status, String message, Map<String, String> headers) {

  static Refusal forbidden(String message) {
    return new Refusal(403, message, Map.of());
  }

  static Refusal unauthorized(String message) {
    return new Refusal(
        401, message, Map.of("WWW-Authenticate", "Bearer realm=\"reels-mock-admin\""));
  }

  /** A body over {@code --max-body-bytes}, declared or counted, refused before more is read. */
  static Refusal tooLarge(long max) {
    return new Refusal(
        413,
        "request body larger than " + max + " bytes: refused unread (--max-body-bytes)",
        Map.of());
  }

  /** A gzip body that would inflate past {@code --max-body-bytes}. */
  static Refusal inflatesTooLarge(long max) {
    return new Refusal(
        413,
        "request body larger than " + max + " bytes once un-gzipped (--max-body-bytes)",
        Map.of());
  }

  /** A body that says (or looks like) it is gzip and is not. */
  static Refusal notGzip() {
    return new Refusal(
        400, "request body is marked or shaped as gzip but does not un-gzip", Map.of());
  }

  /** A body that did not arrive within {@code --body-timeout}. */
  static Refusal tooSlow(Duration timeout) {
    return new Refusal(
        408,
        "request body did not arrive within " + timeout.toMillis() + " ms (--body-timeout)",
        Map.of());
  }

  /** More request bodies in flight than the intake budget holds. */
  static Refusal busy(long budget) {
    return new Refusal(
        503,
        "too many request bodies in flight (more than "
            + budget
            + " bytes held at once): retry shortly",
        Map.of("Retry-After", "1"));
  }

  /** A body the connection broke off or garbled (bad chunk, early end). */
  static Refusal unreadable() {
    return new Refusal(400, "request body could not be read to its end", Map.of());
  }

  /** The JSON body, serialised from the spec's error model. */
  public byte[] body() {
    try {
      return ReelsJson.mapper().writeValueAsBytes(new ApiError().error(message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value from the request, cut short and safe to quote in a message. */
  static String quote(String value) {
    String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return "'" + v.replaceAll("[\\p{Cntrl}]", "?") + "'";
  }
}
