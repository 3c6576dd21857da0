package dev.reelskit.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Uploads written to misbehave, over raw sockets: stalled after the headers, announcing far more
 * than they send, or sending far more than any server should read. Each reads what the server
 * answers, if it answers.
 */
public final class HostileUploads {

  /** A valid token under the mock's default rule. */
  public static final String TOKEN = "Authorization: Bearer ist_hostileUploadToken000000001";

  public static final String ANALYZE = "/api/v1/reels/analyze";

  private HostileUploads() {}

  /** What came back on a connection: the status (0: none) and how many body bytes went out. */
  public record Outcome(int status, String head, long bytesSent) {}

  /**
   * Opens a connection that sends the headers of a POST announcing {@code contentLength} bytes
   * (chunked when negative), then {@code firstBytes} bytes of body, and then nothing.
   */
  public static Socket stall(int port, long contentLength, int firstBytes, String... headers) {
    try {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      OutputStream out = s.getOutputStream();
      out.write(head(port, contentLength, headers));
      byte[] body = new byte[firstBytes];
      Arrays.fill(body, (byte) '{');
      if (contentLength < 0 && firstBytes > 0) {
        out.write((Integer.toHexString(firstBytes) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(body);
      out.flush();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status line and headers the server sent on {@code s}, waiting up to {@code millis}. */
  public static String readHead(Socket s, int millis) {
    try {
      s.setSoTimeout(millis);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          break;
        }
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    } catch (SocketTimeoutException e) {
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  public static int statusOf(String head) {
    return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : 0;
  }

  /**
   * A POST that announces {@code announced} bytes (chunked when negative) and sends up to {@code
   * send} of them as fast as the server takes them, reading the answer meanwhile; ends when the
   * server answers and closes, or all is sent and answered.
   */
  public static Outcome flood(int port, long announced, long send, String... headers) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(head(port, announced, headers));
      ExecutorService reader = Executors.newSingleThreadExecutor();
      Future<String> answer = reader.submit(() -> readHead(s, 60_000));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      long sent = 0;
      try {
        while (sent < send && !answer.isDone()) {
          int n = (int) Math.min(chunk.length, send - sent);
          if (announced < 0) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          } else {
            out.write(chunk, 0, n);
          }
          sent += n;
        }
        if (announced < 0 && sent >= send) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException e) {
        // the server stopped reading and closed: its answer, if any, is already on its way
      }
      String head = answer.get();
      reader.shutdownNow();
      return new Outcome(statusOf(head), head, sent);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code count} floods at once; their outcomes in order. */
  public static List<Outcome> floods(
      int count, int port, long announced, long send, String... headers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    List<Future<Outcome>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(pool.submit(() -> flood(port, announced, send, headers)));
    }
    List<Outcome> out = new ArrayList<>();
    for (Future<Outcome> f : all) {
      out.add(f.get());
    }
    pool.shutdown();
    return out;
  }

  private static byte[] head(int port, long contentLength, String... headers) {
    StringBuilder h = new StringBuilder("POST " + ANALYZE + " HTTP/1.1\r\n");
    h.append("Host: 127.0.0.1:").append(port).append("\r\n");
    h.append("Content-Type: application/json\r\n");
    for (String header : headers) {
      h.append(header).append("\r\n");
    }
    h.append(
        contentLength < 0
            ? "Transfer-Encoding: chunked\r\n"
            : "Content-Length: " + contentLength + "\r\n");
    return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Closes every socket, ignoring failures. */
  public static void closeAll(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }
}
