package dev.reelskit.mock.internal.security;

/**
 * Tells, from a request's line and headers alone, that the mock will refuse it whatever its body
 * holds (an API request without a valid token): its body is then never read. The request still
 * reaches the mock with an empty body, so the refusal is the usual one, recorded as usual.
 */
@FunctionalInterface
public interface BodyGate {

  /** Reads every body within the intake limits. */
  BodyGate NONE = (method, requestUri, authorization) -> false;

  /**
   * @param requestUri the raw request URI (path, not decoded, no query), as WireMock matches it
   * @param authorization the {@code Authorization} header, null when absent
   */
  boolean refusesUnread(String method, String requestUri, String authorization);
}
