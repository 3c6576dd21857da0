package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Validates a {@code POST /api/v1/reels/analyze} body as the spec and the docs describe it. The
 * result is either the URL to analyse or the reason it is refused (a rejection code and the message
 * of the 400 body).
 */
record AnalyzeBody(String url, String rejection, String message) {

  /** Far above any Reel URL; bigger bodies are refused before they are parsed. */
  static final int MAX_BYTES = 16 * 1024;

  private static final Pattern REEL_URL = ReelsApiSpec.get().reelUrlPattern();

  static AnalyzeBody parse(String contentType, byte[] body) {
    if (contentType != null && !contentType.toLowerCase().contains("json")) {
      return refused("unsupported-media-type", "Content-Type must be application/json");
    }
    if (body.length > MAX_BYTES) {
      return refused("body-too-large", "request body too large (at most " + MAX_BYTES + " bytes)");
    }
    if (body.length == 0) {
      return refused("url-required", null);
    }
    JsonNode json;
    try {
      json = ReelsJson.mapper().readTree(body);
    } catch (IOException e) {
      return refused("malformed-json", "request body is not valid JSON");
    }
    if (json == null || !json.isObject()) {
      return refused("malformed-json", "request body must be a JSON object with a url field");
    }
    JsonNode url = json.get("url");
    if (url == null || url.isNull() || (url.isTextual() && url.asText().isBlank())) {
      return refused("url-required", null);
    }
    if (!url.isTextual()) {
      return refused("url-not-string", "url must be a string");
    }
    if (!REEL_URL.matcher(url.asText()).matches()) {
      return refused("url-not-instagram", ForeignHost.message(url.asText()));
    }
    return new AnalyzeBody(url.asText(), null, null);
  }

  boolean accepted() {
    return rejection == null;
  }

  /**
   * @param message null to answer with the spec's example for this rejection
   */
  private static AnalyzeBody refused(String rejection, String message) {
    return new AnalyzeBody(null, rejection, message);
  }
}
