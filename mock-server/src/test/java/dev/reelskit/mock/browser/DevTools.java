package dev.reelskit.mock.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Just enough of the Chrome DevTools protocol to drive one page: navigate, evaluate a script, take
 * a screenshot. The JDK's WebSocket client is enough, so the build needs no Node.js, npm or
 * WebDriver.
 */
final class DevTools implements AutoCloseable {

  private static final ObjectMapper JSON = ReelsJson.mapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private DevTools(WebSocket socket) {
    this.socket = socket;
  }

  /** Waits for Chromium to write its DevTools port, then attaches to its first page. */
  static DevTools connect(Path activePortFile, Process chromium, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!Files.exists(activePortFile) || Files.readAllLines(activePortFile).size() < 2) {
        if (!chromium.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("Chromium did not open its DevTools port within " + timeout);
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(activePortFile).get(0).trim());
      HttpResponse<String> targets =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
              HttpResponse.BodyHandlers.ofString());
      String pageSocket = null;
      for (JsonNode target : JSON.readTree(targets.body())) {
        if (target.path("type").asText().equals("page")) {
          pageSocket = target.path("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (pageSocket == null) {
        throw new AssertionError("Chromium has no page target: " + targets.body());
      }
      Listener listener = new Listener();
      WebSocket socket =
          HTTP.newWebSocketBuilder()
              .buildAsync(URI.create(pageSocket), listener)
              .get(10, TimeUnit.SECONDS);
      DevTools devTools = new DevTools(socket);
      listener.owner = devTools;
      return devTools;
    } catch (IOException e) {
      throw new AssertionError("cannot reach Chromium's DevTools endpoint", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("cannot open the DevTools WebSocket", e);
    }
  }

  /** Loads a URL in the page; returns once the navigation is committed. */
  void navigate(String url) {
    ObjectNode params = JSON.createObjectNode().put("url", url);
    JsonNode result = send("Page.navigate", params, Duration.ofSeconds(20));
    if (result.hasNonNull("errorText")) {
      throw new AssertionError("navigation to " + url + " failed: " + result.get("errorText"));
    }
  }

  /**
   * Evaluates a script in the page, awaiting the promise it returns; answers the value as text. A
   * thrown error fails the test with the page's own message.
   */
  String evaluate(String expression, Duration timeout) {
    ObjectNode params =
        JSON.createObjectNode()
            .put("expression", expression)
            .put("awaitPromise", true)
            .put("returnByValue", true);
    JsonNode result = send("Runtime.evaluate", params, timeout);
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      throw new AssertionError(
          "the page script failed: "
              + details.path("exception").path("description").asText(details.toString()));
    }
    return result.path("result").path("value").asText();
  }

  /** Sets the page's viewport (CSS pixels), so screenshots have a known size. */
  void viewport(int width, int height) {
    send(
        "Emulation.setDeviceMetricsOverride",
        JSON.createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", false),
        Duration.ofSeconds(10));
  }

  /** Saves what the page shows now as a PNG. */
  void screenshot(Path png) {
    JsonNode shot =
        send(
            "Page.captureScreenshot",
            JSON.createObjectNode().put("format", "png"),
            Duration.ofSeconds(20));
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      Files.write(png, java.util.Base64.getDecoder().decode(shot.path("data").asText()));
    } catch (IOException e) {
      throw new AssertionError("cannot write " + png, e);
    }
  }

  private JsonNode send(String method, ObjectNode params, Duration timeout) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.has("error")) {
        throw new AssertionError(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(method + " got no answer within " + timeout);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(method + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  private void received(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
        if (answer != null) {
          answer.complete(message);
        }
      }
    } catch (IOException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Joins fragmented frames; protocol events (messages without an id) are ignored. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();
    private volatile DevTools owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        if (owner != null) {
          owner.received(text);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (owner != null) {
        List.copyOf(owner.pending.values()).forEach(f -> f.completeExceptionally(error));
      }
    }
  }
}
