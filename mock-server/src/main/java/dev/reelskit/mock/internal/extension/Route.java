package dev.reelskit.mock.internal.extension;

import dev.reelskit.openapi.ReelsApiSpec;

/**
 * Where a request under {@code /api} lands: an operation, a known path with the wrong method, or no
 * path at all.
 *
 * @param operation the operationId the path and method select, null when none does
 * @param allow the methods the path supports, null when the path is unknown
 * @param idText the raw {@code {id}} segment for {@code getReel}
 * @param jobId the job id that segment names, -1 when it is not a positive integer that fits a long
 */
record Route(String operation, String allow, String idText, long jobId) {

  static final String ANALYZE = "analyzeReel";
  static final String GET = "getReel";
  static final String JOBS_PREFIX = "/api/v1/reels/";
  static final Route NONE = new Route(null, null, null, -1);

  static Route of(String method, String path) {
    if (path.equals(ReelsApiSpec.ANALYZE_PATH)) {
      return new Route(method.equals("POST") ? ANALYZE : null, "POST", null, -1);
    }
    if (path.startsWith(JOBS_PREFIX)
        && path.length() > JOBS_PREFIX.length()
        && path.indexOf('/', JOBS_PREFIX.length()) < 0) {
      String id = path.substring(JOBS_PREFIX.length());
      return new Route(method.equals("GET") ? GET : null, "GET", id, jobId(id));
    }
    return NONE;
  }

  /** The path of a request URL, without its query. */
  static String pathOf(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  static boolean isDocs(String path) {
    return path.equals("/docs") || path.startsWith("/docs/");
  }

  boolean pathKnown() {
    return allow != null;
  }

  private static long jobId(String idText) {
    if (idText == null
        || idText.isEmpty()
        || idText.length() > 18
        || !idText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    long id = Long.parseLong(idText);
    return id >= 1 ? id : -1;
  }
}
