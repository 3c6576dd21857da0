package dev.reelskit.mock.internal.extension;

import dev.reelskit.mock.internal.net.OriginPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CORS for browser pages: loopback origins ({@code localhost}, {@code *.localhost}, {@code
 * 127.0.0.1}, {@code [::1]}) on http or https and any port, plus each {@code --allowed-origin}.
 * Allowed request headers are listed explicitly (a wildcard does not cover {@code Authorization}),
 * and the headers a page may read are exposed: {@code Retry-After} for a 429's back-off, the limits
 * the mock enforces ({@code X-Reels-Limits}), the spec version and the reading shown.
 */
final class Cors {

  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Prefer";
  static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
  static final String EXPOSED_HEADERS =
      "Retry-After, X-Reels-Limits, X-Reels-Api-Version, X-Reels-Reading";

  private final List<OriginPattern> allowed;

  /** Loopback origins only. */
  Cors() {
    this(List.of());
  }

  /**
   * @param extra {@code --allowed-origin} values, validated by {@link OriginPattern#parse}
   */
  Cors(Collection<String> extra) {
    List<OriginPattern> all = new ArrayList<>(OriginPattern.LOOPBACK);
    extra.forEach(e -> all.add(OriginPattern.parse(e)));
    this.allowed = List.copyOf(all);
  }

  boolean allowed(String origin) {
    for (OriginPattern p : allowed) {
      if (p.admits(origin)) {
        return true;
      }
    }
    return false;
  }

  /** The headers every response to an allowed origin carries. */
  Map<String, String> responseHeaders(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (allowed(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      headers.put("Vary", "Origin");
    }
    return headers;
  }

  /** The headers of a preflight answer (204); none when the origin is not allowed. */
  Map<String, String> preflightHeaders(String origin) {
    Map<String, String> headers = responseHeaders(origin);
    if (!headers.isEmpty()) {
      headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
      headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      headers.put("Access-Control-Max-Age", "600");
    }
    return headers;
  }
}
