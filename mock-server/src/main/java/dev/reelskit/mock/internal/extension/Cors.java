package dev.reelskit.mock.internal.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CORS for pages served from any local port. Allowed headers are listed explicitly: a wildcard does
 * not cover {@code Authorization}, so a browser would refuse every authenticated call.
 */
final class Cors {

  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Prefer";
  static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
  private static final Pattern LOCAL_ORIGIN =
      Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");

  private Cors() {}

  static boolean allowed(String origin) {
    return origin != null && LOCAL_ORIGIN.matcher(origin).matches();
  }

  /** The headers every response to an allowed origin carries. */
  static Map<String, String> responseHeaders(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (allowed(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Expose-Headers", "Retry-After");
      headers.put("Vary", "Origin");
    }
    return headers;
  }

  /** The headers of a preflight answer (204); none when the origin is not local. */
  static Map<String, String> preflightHeaders(String origin) {
    Map<String, String> headers = responseHeaders(origin);
    if (!headers.isEmpty()) {
      headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
      headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      headers.put("Access-Control-Max-Age", "600");
    }
    return headers;
  }
}
