package dev.reelskit.contract.servers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The suite's view of a server, recorded at the server's end: a proxy in front of a correct {@link
 * ReelsTestServer} that notes when each request arrived and when its answer left ({@link
 * System#nanoTime()}), and lets a {@link Script} answer chosen requests itself (a 429 with or
 * without {@code Retry-After}, or a rewritten body) so a test can judge the suite's waits by the
 * clock of the server it waits for.
 */
public final class ScriptedProxy implements AutoCloseable {

  /** One request as it arrived, and what it was answered. */
  public record Arrival(
      int index,
      long arrivedNanos,
      long answeredNanos,
      String method,
      String path,
      String authorization,
      String body,
      int status,
      String answer) {

    /** Whether this is the same request as {@code other} (method, path, token and body). */
    public boolean sameRequestAs(Arrival other) {
      return method.equals(other.method)
          && path.equals(other.path)
          && java.util.Objects.equals(authorization, other.authorization)
          && body.equals(other.body);
    }
  }

  /** What the proxy does with one request; {@code upstream} is the real server's answer. */
  public interface Script {
    /**
     * @param request the request, numbered from 0 ({@link Arrival#index()})
     * @param earlier every request before this one, with its answer
     * @param upstream sends the request on to the real server (only when called) and returns its
     *     answer
     * @return the answer to send back
     */
    Answer answer(Arrival request, List<Arrival> earlier, Upstream upstream) throws Exception;
  }

  /** The real server, asked only when a script calls {@link #get()}. */
  public interface Upstream {
    Answer get() throws Exception;
  }

  /** An answer of the proxy's own: status, headers and JSON body. */
  public record Answer(int status, String retryAfter, String body) {
    /** 429 with {@code Retry-After: <retryAfter>}, or without the header when null. */
    public static Answer tooManyRequests(String retryAfter) {
      return new Answer(429, retryAfter, "{\"error\":\"rate limit exceeded\"}");
    }
  }

  private final ReelsTestServer upstream;
  private final Script script;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Arrival> arrivals = new ArrayList<>();

  private ScriptedProxy(ReelsTestServer upstream, Script script) throws IOException {
    this.upstream = upstream;
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A proxy in front of a correct, liberal {@link ReelsTestServer}. */
  public static ScriptedProxy start(Script script) {
    return start(ReelsTestServer.Options.liberal(), script);
  }

  public static ScriptedProxy start(ReelsTestServer.Options options, Script script) {
    try {
      return new ScriptedProxy(ReelsTestServer.start(options), script);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far, in the order they arrived. */
  public synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  private void handle(HttpExchange http) throws IOException {
    long arrived = System.nanoTime();
    try {
      byte[] requestBody = http.getRequestBody().readAllBytes();
      String authorization = http.getRequestHeaders().getFirst("Authorization");
      List<Arrival> earlier = arrivals();
      Arrival request =
          new Arrival(
              earlier.size(),
              arrived,
              0,
              http.getRequestMethod(),
              http.getRequestURI().toString(),
              authorization,
              new String(requestBody, StandardCharsets.UTF_8),
              0,
              null);
      Answer answer = script.answer(request, earlier, () -> forward(http, requestBody));
      if (answer.retryAfter() != null) {
        http.getResponseHeaders().set("Retry-After", answer.retryAfter());
      }
      http.getResponseHeaders().set("Content-Type", "application/json");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      http.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      http.getResponseBody().write(bytes);
      synchronized (this) {
        arrivals.add(
            new Arrival(
                request.index(),
                arrived,
                System.nanoTime(),
                request.method(),
                request.path(),
                authorization,
                request.body(),
                answer.status(),
                answer.body()));
      }
    } catch (Exception e) {
      byte[] bytes =
          ("{\"message\":\"proxy script failed: " + e + "\"}").getBytes(StandardCharsets.UTF_8);
      http.sendResponseHeaders(502, bytes.length);
      http.getResponseBody().write(bytes);
    } finally {
      http.close();
    }
  }

  private Answer forward(HttpExchange http, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(upstream.baseUrl() + http.getRequestURI()))
            .method(http.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : List.of("Authorization", "Content-Type")) {
      String value = http.getRequestHeaders().getFirst(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        answer.statusCode(),
        answer.headers().firstValue("Retry-After").orElse(null),
        answer.body());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    upstream.close();
  }
}
