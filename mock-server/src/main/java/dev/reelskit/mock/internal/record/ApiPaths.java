package dev.reelskit.mock.internal.record;

import java.util.regex.Pattern;

/** The two documented operations, by method and path (under any host and base path). */
final class ApiPaths {

  static final String ANALYZE = "/api/v1/reels/analyze";
  private static final Pattern JOB = Pattern.compile(".*/api/v1/reels/(\\d{1,18})/?");

  private ApiPaths() {}

  static boolean isApi(String method, String path) {
    return isAnalyze(method, path) || jobId(method, path) >= 0;
  }

  static boolean isAnalyze(String method, String path) {
    return "POST".equalsIgnoreCase(method) && path.endsWith(ANALYZE);
  }

  /** The job id a GET names, -1 when it is no job GET. */
  static long jobId(String method, String path) {
    if (!"GET".equalsIgnoreCase(method)) {
      return -1;
    }
    var m = JOB.matcher(path);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}
