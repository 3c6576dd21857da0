package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsApiSpec;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code created_at} as the spec accepts it: an ISO 8601 date and time, with an offset
 * ({@code Z}, {@code +02:00}, {@code +0200}, {@code +02}) or without one (a local time), seconds
 * and fractions optional. The pattern is the spec's own.
 */
final class Timestamps {

  private static final Pattern SPEC_FORM =
      Pattern.compile(
          ReelsApiSpec.get()
              .document()
              .at("/components/schemas/ReelJob/properties/created_at/pattern")
              .asText());

  private static final Pattern PARTS =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(:\\d{2}(?:\\.\\d+)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

  private Timestamps() {}

  /**
   * The instant ({@link OffsetDateTime}) or local time ({@link LocalDateTime}) a value names, or
   * null when it is not a timestamp the spec accepts.
   */
  static Temporal parse(JsonNode node) {
    if (node == null || !node.isTextual() || !SPEC_FORM.matcher(node.asText()).matches()) {
      return null;
    }
    Matcher m = PARTS.matcher(node.asText().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    String local = m.group(1) + "T" + m.group(2) + (m.group(3) == null ? ":00" : m.group(3));
    try {
      if (m.group(4) == null) {
        return LocalDateTime.parse(local);
      }
      return OffsetDateTime.parse(local + offset(m.group(4)));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether two parsed timestamps name the same moment (both instants, or both local times). */
  static boolean same(Temporal a, Temporal b) {
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.isEqual(y);
    }
    return a instanceof LocalDateTime && a.equals(b);
  }

  private static String offset(String raw) {
    if (raw.equals("Z")) {
      return "Z";
    }
    String digits = raw.substring(1).replace(":", "");
    return raw.charAt(0)
        + digits.substring(0, 2)
        + ":"
        + (digits.length() > 2 ? digits.substring(2) : "00");
  }
}
