package dev.reelskit.mock.internal.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Reels API exchanges in a HAR file (a browser's network export, HAR 1.2): the analyze POSTs
 * and job GETs of any host, in the order they started. Entries are read one at a time, so a HAR of
 * a whole browsing session costs the memory of its largest entry, not of the file. Headers are read
 * only to learn which tokens to keep out of what is written.
 */
final class HarReader {

  /** What a HAR held: the API's exchanges and every Bearer token its requests carried. */
  record Contents(List<Exchange> exchanges, Set<String> tokens, int entries) {}

  private HarReader() {}

  /**
   * @throws IllegalArgumentException when the file is not a HAR (with what was wrong)
   */
  static Contents read(Path har) throws IOException {
    List<Exchange> out = new ArrayList<>();
    Set<String> tokens = new HashSet<>();
    int entries = 0;
    try (InputStream in = Files.newInputStream(har);
        JsonParser p = ReelsJson.mapper().getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT || !findField(p, "log")) {
        throw new IllegalArgumentException(har + " is not a HAR file: no \"log\" object");
      }
      if (p.nextToken() != JsonToken.START_OBJECT || !findField(p, "entries")) {
        throw new IllegalArgumentException(har + " is not a HAR file: no \"log.entries\"");
      }
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException(har + ": \"log.entries\" is not an array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        entries++;
        JsonNode entry = p.readValueAsTree();
        Exchange e = exchange(entry, tokens, entries);
        if (e != null) {
          out.add(e);
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(har + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));
    return new Contents(out, tokens, entries);
  }

  /** Moves {@code p}, inside an object, to the value of {@code name}; false when absent. */
  private static boolean findField(JsonParser p, String name) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      if (name.equals(p.currentName())) {
        return true;
      }
      p.nextToken();
      p.skipChildren();
    }
    return false;
  }

  private static Exchange exchange(JsonNode entry, Set<String> tokens, int n) {
    JsonNode request = entry.path("request");
    String method = request.path("method").asText("");
    String path;
    try {
      path = URI.create(request.path("url").asText("")).getPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (path == null || !ApiPaths.isApi(method, path)) {
      return null;
    }
    for (JsonNode header : request.path("headers")) {
      String value = header.path("value").asText("");
      if (header.path("name").asText("").equalsIgnoreCase("authorization")
          && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        tokens.add(value.substring(7).trim());
      }
    }
    Instant started;
    try {
      started = OffsetDateTime.parse(entry.path("startedDateTime").asText("")).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "entry " + n + " (" + method + " " + path + ") has no ISO 8601 startedDateTime");
    }
    double time = entry.path("time").asDouble(0);
    Instant at = started.plus(Duration.ofNanos((long) (Math.max(0, time) * 1e6 / 2)));
    JsonNode response = entry.path("response");
    return new Exchange(
        method, path, response.path("status").asInt(0), at, body(response.path("content")));
  }

  private static String body(JsonNode content) {
    if (!content.path("text").isTextual()) {
      return null;
    }
    String text = content.path("text").asText();
    if ("base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
      try {
        text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return text.length() > Exchange.MAX_BODY ? null : text;
  }
}
