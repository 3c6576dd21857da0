package dev.reelskit.mock.internal.security;

/**
 * The parts of a request the guards judge, taken from the HTTP layer before anything else sees it.
 *
 * @param path the decoded path, e.g. {@code /__admin/shutdown}
 * @param hasBody whether the request declares a body (a length above 0 or a transfer encoding)
 */
public record GuardedRequest(
    String method,
    String path,
    String host,
    String origin,
    String contentType,
    String authorization,
    boolean hasBody) {

  boolean isAdmin() {
    return path.equals("/__admin") || path.startsWith("/__admin/");
  }

  boolean isPreflight() {
    return method.equals("OPTIONS") && origin != null;
  }
}
