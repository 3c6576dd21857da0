package dev.reelskit.contract.servers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * "Another host": an HTTP listener on another origin that records every request it receives, its
 * headers included, so a test can prove the suite never sent it the token.
 */
public final class RecordingListener implements AutoCloseable {

  private final HttpServer server;
  private final List<String> requests = new ArrayList<>();

  private RecordingListener() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        http -> {
          StringBuilder seen =
              new StringBuilder(http.getRequestMethod() + " " + http.getRequestURI());
          http.getRequestHeaders()
              .forEach(
                  (name, values) ->
                      seen.append('\n').append(name).append(": ").append(String.join(",", values)));
          synchronized (requests) {
            requests.add(seen.toString());
          }
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          http.getResponseHeaders().set("Content-Type", "application/json");
          http.sendResponseHeaders(200, body.length);
          http.getResponseBody().write(body);
          http.close();
        });
    server.start();
  }

  public static RecordingListener start() {
    try {
      return new RecordingListener();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The origin, {@code http://localhost:<port>}: another host name and port than the suite's. */
  public String origin() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** Every request received, as its request line and headers. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
