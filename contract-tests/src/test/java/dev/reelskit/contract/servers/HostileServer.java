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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A server on 127.0.0.1 that misbehaves, below the API (it speaks raw TCP, so it can redirect,
 * drip, flood, stay silent, talk garbage or reset) or inside it (answers that are valid HTTP but
 * built to exhaust the client: compression bombs, endless 429s, megabyte statuses, validation
 * bombs), as a hostile or broken peer would. Every connection gets its own daemon thread and one
 * exchange; {@link #close()} closes them all.
 */
public final class HostileServer implements AutoCloseable {

  /** What the server does with each connection, after reading the request. */
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
    STATUS_AFTER_MINUTES,
    /** 200 with {@code Content-Encoding: deflate}: about 1 MB on the wire, 1 GB decoded. */
    DEFLATE_BOMB,
    /** The same bomb as {@code Content-Encoding: gzip}. */
    GZIP_BOMB,
    /** 200 with {@code Content-Encoding: br}, a coding the suite never offered to read. */
    UNKNOWN_ENCODING,
    /** 429 with {@code Retry-After: 0} to every request. */
    TOO_MANY_RETRY_AFTER_ZERO,
    /** 429 with {@code Retry-After: -5} to every request. */
    TOO_MANY_RETRY_AFTER_NEGATIVE,
    /** 429 without Retry-After to every request. */
    TOO_MANY_WITHOUT_RETRY_AFTER,
    /** 429 with {@code Retry-After: 9223372036854775807} (Long.MAX_VALUE seconds). */
    TOO_MANY_RETRY_AFTER_HUGE,
    /**
     * Jobs are created; each read shows a new status of 2,000,000 letters (just under the 2 MiB
     * cap), never the same twice.
     */
    SHAPESHIFTING_STATUS,
    /** The 202's id is a string of 1 MB; reads answer 404. */
    HUGE_ID,
    /** Each read's status carries terminal control sequences and forged report lines. */
    CONTROL_CHARACTERS,
    /** Each answer is preceded by an endless stream of {@code 100 Continue} interim answers. */
    CONTINUE_FLOOD,
    /** Reads show a done job whose result arrays hold about 900,000 items of the wrong type. */
    VALIDATION_BOMB,
    /** Reads show a done job whose result is nested 400,000 arrays deep. */
    DEEP_NESTING,
    /** Each answer's X-Reels-Api-Version header is a new 8 KB value. */
    VERSION_FLOOD,
    /** A chunked 202 whose trailer never ends: 1 KB fields as fast as the socket takes them. */
    TRAILER_FLOOD,
    /** Every answer announces limits too large for any arithmetic (X-Reels-Limits). */
    LIMITS_OVERFLOW
  }

  public static final long HUGE = 800L * 1024 * 1024;

  /** What the compression bombs decode to. */
  public static final long BOMB_DECODED = 1024L * 1024 * 1024;

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
    // Built before the first connection: deflating 1 GB takes seconds, longer than a deadline.
    if (behaviour == Behaviour.DEFLATE_BOMB) {
      Bombs.deflate();
    } else if (behaviour == Behaviour.GZIP_BOMB) {
      Bombs.gzip();
    }
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

  /** When each request arrived (its head read in full; System.nanoTime), in order. */
  public List<Long> arrivals() {
    return requests().stream().map(Connection::requestReadNanos).sorted().toList();
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
      String head = readRequest(socket.getInputStream());
      if (!head.endsWith("\r\n\r\n")) {
        return; // a connect without a request, as the runner's reachability check makes
      }
      times.set(1, System.nanoTime());
      watchForClose(socket, times);
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
        case CONTINUE_FLOOD -> {
          byte[] interim =
              "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n"
                  .repeat(256)
                  .getBytes(StandardCharsets.ISO_8859_1);
          while (true) {
            out.write(interim);
          }
        }
        case TRAILER_FLOOD -> {
          write(
              out,
              "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n1c\r\n{\"id\":1,\"status\":\"pending\"}\r\n0\r\n");
          byte[] fields =
              ("X-Trailer: " + "y".repeat(1000) + "\r\n")
                  .repeat(64)
                  .getBytes(StandardCharsets.ISO_8859_1);
          while (true) {
            out.write(fields);
          }
        }
        default -> answerApi(head, out);
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up, or we were closed
    }
  }

  /** The behaviours that speak the API: valid HTTP, hostile content. */
  private void answerApi(String head, OutputStream out) throws IOException {
    boolean submit = head.startsWith("POST ");
    long n = requests().size();
    switch (behaviour) {
      case DEFLATE_BOMB -> send(out, 200, "Content-Encoding: deflate\r\n", Bombs.deflate());
      case GZIP_BOMB -> send(out, 200, "Content-Encoding: gzip\r\n", Bombs.gzip());
      case UNKNOWN_ENCODING -> send(out, 200, "Content-Encoding: br\r\n", new byte[] {11, 2, -128});
      case TOO_MANY_RETRY_AFTER_ZERO -> tooMany(out, "Retry-After: 0\r\n");
      case TOO_MANY_RETRY_AFTER_NEGATIVE -> tooMany(out, "Retry-After: -5\r\n");
      case TOO_MANY_WITHOUT_RETRY_AFTER -> tooMany(out, "");
      case TOO_MANY_RETRY_AFTER_HUGE -> tooMany(out, "Retry-After: " + Long.MAX_VALUE + "\r\n");
      case SHAPESHIFTING_STATUS ->
          api(out, submit, job("\"" + n + Bombs.letters(2_000_000, n) + "\"", "null"));
      case HUGE_ID ->
          send(
              out,
              submit ? 202 : 404,
              "",
              ascii(
                  submit
                      ? "{\"id\":\"" + "9".repeat(1024 * 1024) + "\",\"status\":\"pending\"}"
                      : "{\"message\":\"not found\",\"status\":\"error\"}"));
      case CONTROL_CHARACTERS ->
          api(
              out,
              submit,
              job(
                  "\"\\u001b[2J\\u001b[1;1H\\u0007pending\\nERROR forged by the server\\r\\nPASS "
                      + " RC-FORGED-001 forged\\u0000\\u009b31m\"",
                  "null"));
      case VALIDATION_BOMB -> api(out, submit, job("\"done\"", Bombs.wrongTypedResult()));
      case DEEP_NESTING ->
          api(out, submit, job("\"done\"", "[".repeat(400_000) + "]".repeat(400_000)));
      case VERSION_FLOOD ->
          send(
              out,
              submit ? 202 : 200,
              "X-Reels-Api-Version: " + n + Bombs.letters(8 * 1024, n) + "\r\n",
              ascii(submit ? "{\"id\":1,\"status\":\"pending\"}" : job("\"pending\"", "null")));
      case LIMITS_OVERFLOW ->
          send(
              out,
              submit ? 202 : 200,
              "X-Reels-Limits: requests=99999999999;window=99999999999999999999;unfinished-jobs=3\r\n",
              ascii(submit ? "{\"id\":1,\"status\":\"pending\"}" : job("\"pending\"", "null")));
      default -> throw new IllegalStateException(behaviour.toString());
    }
  }

  /** A 202 to every submission and a 200 with {@code readBody} to every read. */
  private static void api(OutputStream out, boolean submit, String readBody) throws IOException {
    if (submit) {
      send(out, 202, "", ascii("{\"id\":1,\"status\":\"pending\"}"));
    } else {
      send(out, 200, "", ascii(readBody));
    }
  }

  private static String job(String status, String result) {
    return "{\"id\":1,\"url\":\"https://www.instagram.com/reel/x/\",\"status\":"
        + status
        + ",\"error\":null,\"result\":"
        + result
        + ",\"created_at\":\"2025-01-01T00:00:00Z\"}";
  }

  private static void tooMany(OutputStream out, String retryAfter) throws IOException {
    send(out, 429, retryAfter, ascii("{\"error\":\"too many requests\"}"));
  }

  private static void send(OutputStream out, int status, String headers, byte[] body)
      throws IOException {
    write(
        out,
        "HTTP/1.1 "
            + status
            + " Hostile\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + headers
            + "Content-Length: "
            + body.length
            + "\r\n\r\n");
    out.write(body);
    out.flush();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void flood(OutputStream out) throws IOException {
    byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    for (long sent = 0; sent < HUGE; sent += spaces.length) {
      out.write(spaces);
    }
    write(out, "]");
  }

  /**
   * Reads the head up to the blank line after the headers, and a body as long as its Content-Length
   * says; returns the head.
   */
  private static String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      head.append((char) b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return head.toString();
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
              // nothing more is expected: not the close
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
