package dev.reelskit.mock.internal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ApiError;
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
