package dev.reelskit.mock.conformance;

import dev.reelskit.mock.internal.conformance.TokenMask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a client's output on its own thread (a full pipe would block the client) and keeps the
 * last {@value #MAX_CHARS} characters, token masked.
 */
final class OutputCapture {

  static final int MAX_CHARS = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(OutputCapture.class);

  private final StringBuilder text = new StringBuilder();
  private final Thread reader;

  private OutputCapture(Process process, String token) {
    this.reader = new Thread(() -> drain(process, token), "client-output-" + process.pid());
    reader.setDaemon(true);
  }

  static OutputCapture start(Process process, String token) {
    OutputCapture capture = new OutputCapture(process, token);
    capture.reader.start();
    return capture;
  }

  /** What was captured, once the stream ended or {@code bound} passed. */
  String finish(Duration bound) throws InterruptedException {
    reader.join(bound.toMillis());
    synchronized (text) {
      return text.toString();
    }
  }

  private void drain(Process process, String token) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String masked = TokenMask.scrub(line, token);
        LOG.debug("client | {}", masked);
        synchronized (text) {
          text.append(masked).append('\n');
          if (text.length() > MAX_CHARS) {
            text.delete(0, text.length() - MAX_CHARS);
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("client output closed: {}", e.getMessage());
    }
  }
}
