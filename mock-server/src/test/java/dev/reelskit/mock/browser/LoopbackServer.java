package dev.reelskit.mock.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server on a free loopback port, either serving the test pages under {@code /browser/}
 * or standing in for an API that sends no CORS headers at all.
 */
final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private LoopbackServer(String address) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + address, e);
    }
  }

  /** Serves {@code src/test/resources/browser/*} at {@code /}. */
  static LoopbackServer pages(String address) {
    LoopbackServer pages = new LoopbackServer(address);
    pages.server.createContext("/", exchange -> pages.serveResource(exchange));
    pages.server.start();
    return pages;
  }

  /** Answers every request 200 with a JSON body and no CORS headers; records what arrived. */
  static LoopbackServer withoutCors(String address) {
    LoopbackServer api = new LoopbackServer(address);
    api.server.createContext(
        "/",
        exchange -> {
          api.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          api.send(exchange, 200, "application/json", "{\"id\":1,\"status\":\"pending\"}");
        });
    api.server.start();
    return api;
  }

  private void serveResource(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    String name = exchange.getRequestURI().getPath().substring(1);
    try (InputStream in =
        name.contains("..") || name.isEmpty()
            ? null
            : LoopbackServer.class.getResourceAsStream("/browser/" + name)) {
      if (in == null) {
        send(exchange, 404, "text/plain", "not found");
      } else {
        send(
            exchange,
            200,
            name.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8",
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  private void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://<address>:<port>}, the origin of pages served from here. */
  String origin() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
  }

  /** Method and path of every request received, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
