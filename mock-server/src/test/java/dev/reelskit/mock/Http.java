package dev.reelskit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** A small HTTP client for in-process tests of the mock. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A response with its body as text and, when it is JSON, as a tree. */
  public record Response(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return ReelsJson.mapper().readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }
  }

  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
  }

  public Response post(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  public Response method(String method, String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  /** Submits a Reel URL with a valid token; answers the new job's id. */
  public long submit(String token, String reelUrl) {
    Response r =
        post(
            "/api/v1/reels/analyze",
            "{\"url\":\"" + reelUrl + "\"}",
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "application/json");
    if (r.status() != 202) {
      throw new AssertionError("submit answered " + r.status() + ": " + r.body());
    }
    return r.json().get("id").asLong();
  }

  public Response poll(String token, long id) {
    return get("/api/v1/reels/" + id, "Authorization", "Bearer " + token);
  }

  private static Response send(HttpRequest.Builder builder, String... headers) {
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    HttpRequest probe = builder.copy().build();
    if (!typed
        && probe.uri().getPath().startsWith("/__admin")
        && !Set.of("GET", "HEAD", "DELETE").contains(probe.method())) {
      builder.header("Content-Type", "application/json"); // as the admin guard requires
    }
    try {
      HttpResponse<String> r =
          CLIENT.send(
              builder.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
