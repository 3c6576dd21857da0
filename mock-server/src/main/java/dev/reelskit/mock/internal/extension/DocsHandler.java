package dev.reelskit.mock.internal.extension;

import dev.reelskit.openapi.ReelsApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The docs, like the real API's: {@code /docs/openapi.yaml} is the spec as packaged, {@code
 * /docs/index.html} a Swagger UI from the swagger-ui webjar (no CDN) whose initializer points at
 * that spec and sends "Try it out" requests to the mock itself.
 */
final class DocsHandler {

  /** A file to serve; null body means 404. */
  record Doc(int status, String contentType, byte[] body, String location) {}

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String INITIALIZER = "/reels-mock/swagger-initializer.js";

  /**
   * The only files served (what Swagger UI's index.html loads), so the cache below holds at most
   * these: caching every requested name, found or not, let random names grow memory without bound.
   */
  static final Set<String> FILES =
      Set.of(
          "index.html",
          "index.css",
          "swagger-initializer.js",
          "swagger-ui.css",
          "swagger-ui-bundle.js",
          "swagger-ui-standalone-preset.js",
          "favicon-16x16.png",
          "favicon-32x32.png",
          "oauth2-redirect.html",
          "oauth2-redirect.js");

  private final String webjarRoot = WEBJAR + webjarVersion() + "/";
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  Doc serve(String path) {
    if (path.equals("/docs") || path.equals("/docs/")) {
      return new Doc(302, "text/plain", new byte[0], "/docs/index.html");
    }
    String file = path.substring("/docs/".length());
    if (file.equals("openapi.yaml")) {
      return new Doc(
          200,
          "application/yaml; charset=utf-8",
          cache.computeIfAbsent(
              file, f -> ReelsApiSpec.get().yaml().getBytes(StandardCharsets.UTF_8)),
          null);
    }
    if (!FILES.contains(file)) {
      return new Doc(404, "text/plain", null, null);
    }
    String resource =
        file.equals("swagger-initializer.js") ? INITIALIZER.substring(1) : webjarRoot + file;
    byte[] body = cache.computeIfAbsent(file, f -> read(resource));
    return body.length == 0
        ? new Doc(404, "text/plain", null, null)
        : new Doc(200, contentType(file), body, null);
  }

  private static String contentType(String file) {
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (file.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (file.endsWith(".png")) {
      return "image/png";
    }
    return "application/octet-stream";
  }

  private static byte[] read(String resource) {
    try (InputStream in = DocsHandler.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String webjarVersion() {
    Properties props = new Properties();
    try (InputStream in =
        DocsHandler.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props.getProperty("version");
  }
}
