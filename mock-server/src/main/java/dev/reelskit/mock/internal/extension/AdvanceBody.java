package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The body of a clock advance: {@code {"seconds": 30}} or {@code {"duration": "PT30S"}}. */
final class AdvanceBody {

  /** Longer advances are refused: a clock moved this far would overflow on its way on. */
  static final Duration MAX = Duration.ofDays(366 * 100);

  static final String USAGE = "body must be {\"seconds\": <n>} or {\"duration\": \"PT30S\"}";

  private AdvanceBody() {}

  /**
   * @throws IllegalArgumentException with {@link #USAGE} (or the bound) when the body is not one
   */
  static Duration parse(byte[] raw) {
    Duration by;
    try {
      JsonNode body = raw == null || raw.length == 0 ? null : ReelsJson.mapper().readTree(raw);
      if (body != null && body.has("seconds")) {
        JsonNode node = body.get("seconds");
        double seconds =
            node.isNumber() || node.isTextual() ? node.asDouble(Double.NaN) : Double.NaN;
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
          throw new IllegalArgumentException(USAGE + ", seconds a number >= 0");
        }
        if (seconds > MAX.toSeconds()) {
          throw new IllegalArgumentException("at most " + MAX.toSeconds() + " seconds at once");
        }
        by = Duration.ofNanos((long) (seconds * 1e9));
      } else {
        by = Duration.parse(body == null ? "" : body.path("duration").asText());
      }
    } catch (IOException | DateTimeParseException e) {
      throw new IllegalArgumentException(USAGE);
    }
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + by);
    }
    if (by.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("at most " + MAX.toSeconds() + " seconds at once");
    }
    return by;
  }
}
