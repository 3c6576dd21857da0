package dev.reelskit.contract.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import java.util.List;

/**
 * One request and its response as the suite saw them, already masked: headers show secrets as
 * {@code ****} plus the last four characters, and the token is scrubbed from the body too.
 *
 * @param label what the request was for, e.g. {@code submit www.instagram.com/reel}
 * @param auth how the request authenticated
 * @param atMillis when it was sent, in milliseconds since the run started
 * @param specErrors what the OpenAPI validator found wrong with the response
 * @param apiVersion the server's {@code X-Reels-Api-Version} header, or null
 * @param limits the limits the server announced: its {@code X-Reels-Limits} header (the kit
 *     mock's), else its {@code RateLimit-Policy} header (the IETF draft's), or null
 */
public record Exchange(
    String label,
    Auth auth,
    String method,
    String url,
    List<String> requestHeaders,
    String requestBody,
    int status,
    String contentType,
    String retryAfter,
    String body,
    long atMillis,
    List<String> specErrors,
    String apiVersion,
    String limits) {

  /** The ways a request authenticates; only {@link #VALID} carries the configured token as-is. */
  public enum Auth {
    VALID,
    NONE,
    WRONG_SCHEME,
    /** The bare token, no scheme at all: {@code Authorization: ist_...} (RC-AUTH-008). */
    NO_SCHEME,
    MALFORMED,
    UNKNOWN,
    /** The configured token that is valid but lacks the permission (RC-AUTH-007). */
    FORBIDDEN
  }

  /** The body as JSON, or null when it is not JSON. */
  public JsonNode json() {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return ReelsJson.mapper().readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * A value at a JSON pointer, rendered as JSON ({@code "x"}, {@code 42}, {@code null}), or
   * "absent".
   */
  public String render(String pointer) {
    JsonNode json = json();
    if (json == null) {
      return "(not JSON)";
    }
    JsonNode node = json.at(pointer);
    return node.isMissingNode() ? "(absent)" : node.toString();
  }
}
