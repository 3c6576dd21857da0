package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ReelJob;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --readings rotate}: every reading the docs allow, one combination per job, picked by its
 * reel code (the MSW pack's {@code readings.ts} does the same, so both mocks show a code alike).
 * The reading's number is the code's trailing digits when it ends in digits ({@code ROTATE0} ...
 * {@code ROTATE95} walk through all), else a 32-bit FNV-1a hash of the code; each dimension takes
 * its form from that number in mixed radix, in the order of {@link #DIMENSIONS}.
 */
final class ReadingRotation {

  /** Each dimension's legal forms; the first is the spec's own. */
  static final List<List<String>> DIMENSIONS =
      List.of(
          List.of("hooks", "string", "array"),
          List.of("key_moments", "objects", "strings"),
          List.of("platform_meta", "object", "null"),
          List.of("extra_fields", "none", "present"),
          List.of("created_at", "utc", "offset", "local"),
          List.of("id", "plain", "large"));

  static final int COUNT =
      DIMENSIONS.stream().mapToInt(d -> d.size() - 1).reduce(1, (a, b) -> a * b);

  /**
   * Ids shown with the {@code large} reading: the job's own id plus this, above 2^32 (int32 clients
   * overflow) and at most 2^53 - 1, the largest integer JSON.parse reads exactly.
   */
  static final long LARGE_ID_OFFSET = 9_007_199_254_000_000L;

  static final String HEADER = "X-Reels-Reading";

  private static final ZoneOffset OFFSET = ZoneOffset.ofHoursMinutes(5, 30);
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d+)$");

  /** One combination: each dimension's form, by the dimension's name. */
  record Reading(int index, List<String> forms) {
    String form(String dimension) {
      for (int i = 0; i < DIMENSIONS.size(); i++) {
        if (DIMENSIONS.get(i).get(0).equals(dimension)) {
          return forms.get(i);
        }
      }
      throw new IllegalArgumentException("no reading dimension " + dimension);
    }

    boolean largeId() {
      return form("id").equals("large");
    }

    long shownId(long id) {
      return largeId() ? id + LARGE_ID_OFFSET : id;
    }

    String describe() {
      StringBuilder b = new StringBuilder("reading " + index + " of " + COUNT + ": ");
      for (int i = 0; i < DIMENSIONS.size(); i++) {
        b.append(i == 0 ? "" : ", ")
            .append(DIMENSIONS.get(i).get(0))
            .append('=')
            .append(forms.get(i));
      }
      return b.toString();
    }
  }

  private ReadingRotation() {}

  static int index(String code) {
    Matcher m = TRAILING_DIGITS.matcher(code);
    if (m.find()) {
      String digits = m.group(1);
      return (int) (Long.parseLong(digits.substring(Math.max(0, digits.length() - 9))) % COUNT);
    }
    int h = 0x811c9dc5;
    for (int i = 0; i < code.length(); i++) {
      h ^= code.charAt(i);
      h *= 0x01000193;
    }
    return (int) (Integer.toUnsignedLong(h) % COUNT);
  }

  static Reading numbered(int index) {
    String[] forms = new String[DIMENSIONS.size()];
    int n = index;
    for (int i = 0; i < forms.length; i++) {
      int count = DIMENSIONS.get(i).size() - 1;
      forms[i] = DIMENSIONS.get(i).get(1 + n % count);
      n /= count;
    }
    return new Reading(index, List.of(forms));
  }

  static Reading of(String url) {
    return numbered(index(Outcomes.reelCode(url)));
  }

  /** The job as the spec renders it, then in reading {@code r}. */
  static byte[] render(ReelJob job, Reading r) {
    ObjectNode out = ReelsJson.mapper().valueToTree(job);
    out.put("id", r.shownId(out.get("id").asLong()));
    out.put("created_at", timestamp(out.get("created_at").asText(), r.form("created_at")));
    JsonNode result = out.get("result");
    if (result instanceof ObjectNode analysis) {
      ObjectNode content = (ObjectNode) analysis.get("content");
      JsonNode hooks = content.get("hooks");
      if (r.form("hooks").equals("array") && hooks.isTextual()) {
        content.putArray("hooks").add(hooks.asText());
      } else if (r.form("hooks").equals("string") && hooks.isArray()) {
        StringBuilder joined = new StringBuilder();
        hooks.forEach(h -> joined.append(joined.length() == 0 ? "" : " ").append(h.asText()));
        content.put("hooks", joined.toString());
      }
      if (r.form("key_moments").equals("strings") && content.get("key_moments").isArray()) {
        ArrayNode strings = ReelsJson.mapper().createArrayNode();
        for (JsonNode m : content.get("key_moments")) {
          strings.add(
              m.isObject()
                  ? (m.path("timestamp").asText() + " " + m.path("description").asText("")).trim()
                  : m.asText());
        }
        content.set("key_moments", strings);
      }
      if (r.form("platform_meta").equals("null")) {
        analysis.putNull("platform_meta");
      }
      if (r.form("extra_fields").equals("present")) {
        analysis.put("model", "gemini");
        ((ObjectNode) analysis.get("audio")).put("speakers", 1);
        ((ObjectNode) analysis.get("visual"))
            .putArray("dominant_colors")
            .add("#2b2b2b")
            .add("#f4e3c1");
      }
    }
    if (r.form("extra_fields").equals("present")) {
      String status = out.get("status").asText();
      out.put("source", "instagram");
      out.put(
          "progress",
          status.equals("done") || status.equals("error")
              ? 100
              : status.equals("processing") ? 50 : 0);
    }
    try {
      return ReelsJson.mapper().writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same instant with its own offset (utc), at +05:30, or as local time without an offset. */
  static String timestamp(String iso, String form) {
    if (form.equals("utc")) {
      return iso;
    }
    Instant at = OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.MILLIS);
    OffsetDateTime shifted = at.atOffset(OFFSET);
    int millis = shifted.getNano() / 1_000_000;
    String local = LOCAL.format(shifted) + (millis == 0 ? "" : String.format(".%03d", millis));
    return form.equals("offset") ? local + "+05:30" : local;
  }
}
