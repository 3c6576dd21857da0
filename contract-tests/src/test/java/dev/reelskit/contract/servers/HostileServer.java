package dev.reelskit.contract.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A server on 127.0.0.1 that misbehaves below the API: it speaks raw TCP, so it can redirect, drip,
 * flood, stay silent, talk garbage or reset, as a hostile or broken peer would. Every connection
 * gets its own daemon thread; {@link #close()} closes them all.
 */
public final class HostileServer implements AutoCloseable {

  /** What the server does with each connection, after reading the request head. */
  public enum Behaviour {
    /** 307 with a Location on another origin, for every request. */
    REDIRECT_ELSEWHERE,
    /** 200 headers with a Content-Length, then one byte of body a second. */
    DRIP,
    /** 200 with no Content-Length and 800 MB of JSON whitespace as fast as the socket takes it. */
    HUGE_BODY,
    /** 200 declaring an 800 MB Content-Length, then that body. */
    HUGE_DECLARED_BODY,
    /** Accepts, reads the request and never answers. */
    SILENT,
    /** Answers with bytes that are not HTTP, without a line end, and never stops. */
    GARBAGE,
    /** Resets every connection as soon as it is accepted. */
    RESET,
    /** Sends its status line only after three minutes. */
    STATUS_AFTER_MINUTES
  }

  public static final long HUGE = 800L * 1024 * 1024;

  /**
   * One connection as the server saw it: when its request head was in, and when the client closed
   * it (both {@link System#nanoTime()}; 0 when that did not happen).
   */
  public record Connection(long acceptedNanos, long requestReadNanos, long closedByClientNanos) {
    /** From the request head read to the client closing the connection. */
    public java.time.Duration requestToClose() {
      return java.time.Duration.ofNanos(closedByClientNanos - requestReadNanos);
    }

    public boolean sentRequest() {
      return requestReadNanos != 0;
    }
  }

  private final Behaviour behaviour;
  private final String elsewhere;
  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
          });
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final List<AtomicLongArray> connections = Collections.synchronizedList(new ArrayList<>());

  private HostileServer(Behaviour behaviour, String elsewhere) throws IOException {
    this.behaviour = behaviour;
    this.elsewhere = elsewhere;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    threads.execute(this::accept);
  }

  public static HostileServer start(Behaviour behaviour) {
    return start(behaviour, null);
  }

  /**
   * {@code elsewhere}: the origin a {@link Behaviour#REDIRECT_ELSEWHERE} server sends clients to.
   */
  public static HostileServer start(Behaviour behaviour, String elsewhere) {
    try {
      return new HostileServer(behaviour, elsewhere);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        AtomicLongArray times = new AtomicLongArray(new long[] {System.nanoTime(), 0, 0});
        sockets.add(socket);
        connections.add(times);
        threads.execute(() -> serve(socket, times));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Every connection accepted so far, in order. */
  public List<Connection> connections() {
    synchronized (connections) {
      return connections.stream().map(t -> new Connection(t.get(0), t.get(1), t.get(2))).toList();
    }
  }

  /** The connections that carried a request (the jar's reachability check sends none). */
  public List<Connection> requests() {
    return connections().stream().filter(Connection::sentRequest).toList();
  }

  /**
   * {@link #requests()}, once the client has closed each of them (it has, when the client process
   * ended; the server notices within moments), or as they are after {@code max}.
   */
  public List<Connection> requestsOnceClosed(java.time.Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    synchronized (connections) {
      while (requests().stream().anyMatch(c -> c.closedByClientNanos() == 0)) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          break;
        }
        connections.wait(Math.max(1, left / 1_000_000));
      }
    }
    return requests();
  }

  private void serve(Socket socket, AtomicLongArray times) {
    try (socket) {
      if (behaviour == Behaviour.RESET) {
        socket.setSoLinger(true, 0);
        return;
      }
      if (readHead(socket.getInputStream())) {
        times.set(1, System.nanoTime());
        watchForClose(socket, times);
      }
      OutputStream out = socket.getOutputStream();
      switch (behaviour) {
        case REDIRECT_ELSEWHERE ->
            write(
                out,
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: "
                    + elsewhere
                    + "/api/v1/reels/analyze\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        case DRIP -> {
          write(
              out,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
          while (true) {
            write(out, " ");
            Thread.sleep(1000);
          }
        }
        case HUGE_BODY -> {
          write(
              out,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");
          flood(out);
        }
        case HUGE_DECLARED_BODY -> {
          write(
              out,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + HUGE
                  + "\r\n\r\n[");
          flood(out);
        }
        case SILENT -> Thread.sleep(Long.MAX_VALUE);
        case GARBAGE -> {
          byte[] junk =
              "\u0016\u0003\u0001 SSH-2.0-not-http "
                  .repeat(512)
                  .getBytes(StandardCharsets.ISO_8859_1);
          while (true) {
            out.write(junk);
          }
        }
        case STATUS_AFTER_MINUTES -> {
          Thread.sleep(180_000);
          write(
              out,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        }
        default -> throw new IllegalStateException(behaviour.toString());
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up, or we were closed
    }
  }

  private static void flood(OutputStream out) throws IOException {
    byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    for (long sent = 0; sent < HUGE; sent += spaces.length) {
      out.write(spaces);
    }
    write(out, "]");
  }

  /**
   * Reads up to the blank line after the headers (a body, if any, is left unread); false when the
   * client closed first.
   */
  private static boolean readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b = 0;
    while (matched < 4 && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return matched == 4;
  }

  /**
   * Notes when the client closes the connection: after its request it sends nothing more, so the
   * next read ends (end of stream or reset) only when the client gives up.
   */
  private void watchForClose(Socket socket, AtomicLongArray times) {
    threads.execute(
        () -> {
          try {
            InputStream in = socket.getInputStream();
            byte[] rest = new byte[8192];
            while (in.read(rest) >= 0) {
              // a request body the head announced: not the close
            }
          } catch (IOException e) {
            // a reset is a close too
          }
          times.compareAndSet(2, 0, System.nanoTime());
          synchronized (connections) {
            connections.notifyAll();
          }
        });
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    threads.shutdownNow();
  }
}
