package dev.reelskit.mock.internal.panel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The panel's three files, read from the jar on first use; no other name is served. */
final class PanelAssets {

  record Asset(String contentType, byte[] body) {}

  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "panel.js", "text/javascript; charset=utf-8",
          "panel.css", "text/css; charset=utf-8");
  private static final String ROOT = "dev/reelskit/mock/ui/";

  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  Optional<Asset> get(String file) {
    String type = FILES.get(file);
    return type == null
        ? Optional.empty()
        : Optional.of(loaded.computeIfAbsent(file, f -> new Asset(type, read(ROOT + f))));
  }

  private static byte[] read(String resource) {
    try (InputStream in = PanelAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
