package dev.reelskit.mock.internal.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server written for the recording tests that behaves like the real API, on real time: a Bearer
 * token is required (401 {@code {"error": "invalid API token"}}), a POST answers 202 {@code {id,
 * status: "pending"}}, a job is pending for {@code pending}, processing for {@code processing},
 * then done with its own analysis or, for an {@code ERROR} reel, failed with the errors page's
 * {@code Video is not available}; an unknown id is the errors page's 404.
 */
final class FakeReelsServer implements AutoCloseable {

  static final String SUMMARY = "Recorded through the proxy: a barista pours latte art.";

  private record Job(String url, Instant created) {}

  private final HttpServer server;
  private final Duration pending;
  private final Duration processing;
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(5_000);

  FakeReelsServer(Duration pending, Duration processing) throws IOException {
    this.pending = pending;
    this.processing = processing;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/v1/reels", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Bearer ist_")) {
        send(ex, 401, "{\"error\": \"invalid API token\"}");
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (ex.getRequestMethod().equals("POST") && path.equals("/api/v1/reels/analyze")) {
        JsonNode body = ReelsJson.mapper().readTree(ex.getRequestBody().readAllBytes());
        long id = ids.getAndIncrement();
        jobs.put(id, new Job(body.path("url").asText(), Instant.now()));
        send(ex, 202, "{\"id\": " + id + ", \"status\": \"pending\"}");
        return;
      }
      Job job = null;
      long id = -1;
      if (ex.getRequestMethod().equals("GET") && path.matches("/api/v1/reels/\\d+")) {
        id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        job = jobs.get(id);
      }
      if (job == null) {
        send(ex, 404, "{\"message\": \"not found\", \"status\": \"error\"}");
        return;
      }
      Duration age = Duration.between(job.created(), Instant.now());
      boolean fails = job.url().contains("/reel/ERROR");
      String status =
          age.compareTo(pending) < 0
              ? "pending"
              : age.compareTo(pending.plus(processing)) < 0
                  ? "processing"
                  : fails ? "error" : "done";
      ObjectNode out = ReelsJson.mapper().createObjectNode();
      out.put("id", id);
      out.put("url", job.url());
      out.put("status", status);
      out.put("error", status.equals("error") ? "Video is not available" : null);
      if (status.equals("done")) {
        ObjectNode result = out.putObject("result");
        result.put("summary", SUMMARY);
        result.putObject("visual").put("description", "A cafe counter").put("setting", "cafe");
        result.putObject("audio").put("transcript", "").put("language", "en");
      } else {
        out.putNull("result");
      }
      out.put("created_at", job.created().toString());
      send(ex, 200, out.toString());
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
