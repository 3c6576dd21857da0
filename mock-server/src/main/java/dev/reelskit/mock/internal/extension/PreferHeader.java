package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.reelskit.openapi.model.JobStatus;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code Prefer} header asks of the mock: Prism's {@code code=404} and {@code
 * example=doneNoSpeech}, and the kit's {@code fault=connection-reset}, {@code delay=1500} and
 * {@code state=processing} (the new job is held in that state; see {@link #pinnedState}).
 *
 * @param invalid why a value cannot be honoured (answered with 400), null when all can
 * @param state the raw {@code state=} value, null when not asked (checked only on a POST)
 */
record PreferHeader(
    Integer code, String example, Fault fault, Long delayMillis, String invalid, String state) {

  /** Longer waits are refused: a client's own timeout is the thing under test, not the mock's. */
  static final long MAX_DELAY_MILLIS = 60_000;

  static final Map<String, Fault> FAULTS =
      Map.of(
          "connection-reset", Fault.CONNECTION_RESET_BY_PEER,
          "empty-response", Fault.EMPTY_RESPONSE,
          "malformed-chunk", Fault.MALFORMED_RESPONSE_CHUNK,
          "random-data", Fault.RANDOM_DATA_THEN_CLOSE);

  /** The preferences in a header value, null when it asks for nothing the mock understands. */
  static PreferHeader parse(String header) {
    if (header == null) {
      return null;
    }
    Integer code = null;
    String example = null;
    Fault fault = null;
    Long delay = null;
    String invalid = null;
    String state = null;
    for (String part : header.split("[,;]")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      String key = kv[0].trim().toLowerCase(Locale.ROOT);
      String value = kv[1].trim().replace("\"", "");
      switch (key) {
        case "code" -> code = statusCode(value);
        case "example" -> example = value;
        case "state" -> state = value;
        case "fault" -> {
          fault = FAULTS.get(value.toLowerCase(Locale.ROOT));
          if (fault == null) {
            invalid =
                "Prefer: fault must be one of connection-reset, empty-response,"
                    + " malformed-chunk, random-data; was '"
                    + value
                    + "'";
          }
        }
        case "delay" -> {
          delay = delayMillis(value);
          if (delay == null) {
            invalid =
                "Prefer: delay must be whole milliseconds from 0 to "
                    + MAX_DELAY_MILLIS
                    + "; was '"
                    + value
                    + "'";
          }
        }
        default -> {}
      }
    }
    boolean asked =
        code != null
            || example != null
            || fault != null
            || delay != null
            || invalid != null
            || state != null;
    return asked ? new PreferHeader(code, example, fault, delay, invalid, state) : null;
  }

  /** The state a new job is to be held in, null when none is asked for. */
  JobStatus pinnedState() {
    if (state == null) {
      return null;
    }
    try {
      return JobStatus.fromValue(state.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Why {@code state=} cannot be honoured, null when it can or is not asked. */
  String invalidState() {
    if (state == null || pinnedState() != null) {
      return null;
    }
    String shown = state.length() > 32 ? state.substring(0, 32) + "..." : state;
    return "Prefer: state must be one of pending, processing, done, error; was '" + shown + "'";
  }

  /** Whether a documented response is forced ({@code code=} or {@code example=}). */
  boolean forcesResponse() {
    return code != null || example != null;
  }

  private static Integer statusCode(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return -1; // asked for, but not a status code: answered as not documented
    }
  }

  private static Long delayMillis(String value) {
    if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
      return null;
    }
    long ms = Long.parseLong(value);
    return ms <= MAX_DELAY_MILLIS ? ms : null;
  }
}
