package dev.reelskit.contract.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * A correct server that picks another documented reading: it forwards every request to a {@link
 * ReelsTestServer} and lets a function rewrite each JSON answer (status, body) before it goes back,
 * e.g. {@code hooks} as an array, or a 400 body with {@code error} instead of {@code message}.
 */
public final class RewritingProxy implements AutoCloseable {

  /** Rewrites one answer in place: the HTTP status and the JSON object body. */
  public interface Rewrite extends BiConsumer<Integer, ObjectNode> {}

  private final ReelsTestServer upstream;
  private final Rewrite rewrite;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpClient client = HttpClient.newHttpClient();

  private RewritingProxy(ReelsTestServer upstream, Rewrite rewrite) throws IOException {
    this.upstream = upstream;
    this.rewrite = rewrite;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  public static RewritingProxy start(Rewrite rewrite) {
    try {
      return new RewritingProxy(ReelsTestServer.start(ReelsTestServer.Options.liberal()), rewrite);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange http) throws IOException {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(upstream.baseUrl() + http.getRequestURI()))
              .method(
                  http.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(http.getRequestBody().readAllBytes()));
      for (String name : List.of("Authorization", "Content-Type")) {
        String value = http.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<String> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = answer.body();
      JsonNode json = ReelsJson.mapper().readTree(body.isEmpty() ? "null" : body);
      if (json != null && json.isObject()) {
        rewrite.accept(answer.statusCode(), (ObjectNode) json);
        body = json.toString();
      }
      answer
          .headers()
          .firstValue("Retry-After")
          .ifPresent(v -> http.getResponseHeaders().set("Retry-After", v));
      http.getResponseHeaders()
          .set(
              "Content-Type",
              answer.headers().firstValue("Content-Type").orElse("application/json"));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      http.sendResponseHeaders(answer.statusCode(), bytes.length);
      http.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      http.sendResponseHeaders(502, -1);
    } finally {
      http.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    upstream.close();
  }
}
