package dev.reelskit.contract.internal.http;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.http.Header;
import org.apache.http.HeaderElement;
import org.apache.http.HttpClientConnection;
import org.apache.http.HttpEntity;
import org.apache.http.HttpException;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.AbstractHttpClient;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpRequestExecutor;

/**
 * The HTTP client under REST Assured, guarded against a hostile server: every exchange has a total
 * deadline (a watchdog closes its connection, so a server that drips its body or never sends a
 * status line cannot hold the run), response bodies are cut off past a byte cap counted both on the
 * wire and once decoded (a compressed body is decoded here, never by REST Assured, so a deflate
 * bomb meets the cap after {@code max} decoded bytes), interim (1xx) answers are counted, and
 * nothing is retried behind the suite's back. Redirects are never followed (see {@link ReelsHttp}).
 */
final class GuardedTransport {

  /** Interim (1xx) answers accepted before the real one; HTTP needs one at most here. */
  static final int MAX_INTERIM_ANSWERS = 10;

  /** The content codings the suite reads, and says it reads. */
  static final String ACCEPTED_CODINGS = "gzip, deflate";

  /**
   * Thrown through the client when an answer cannot be read within the budget; its message is the
   * one-line reason, completed by "the METHOD URL " in front.
   */
  static class Unreadable extends IOException {
    Unreadable(String reason) {
      super(reason);
    }
  }

  /** A body past the cap. */
  static final class ResponseTooLarge extends Unreadable {
    ResponseTooLarge(long cap, String coding) {
      super(
          "response larger than "
              + cap
              + " bytes"
              + (coding == null ? "" : " once decoded from Content-Encoding: " + coding)
              + " (--max-response-bytes)");
    }
  }

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "reels-contract-request-deadline");
            t.setDaemon(true);
            return t;
          });

  private final Duration deadline;
  private final long maxBytes;
  private final ThreadLocal<Deadline> current = new ThreadLocal<>();

  GuardedTransport(Duration deadline, long maxBytes) {
    this.deadline = deadline;
    this.maxBytes = maxBytes;
  }

  /** One exchange in progress: the client REST Assured created for it and whether time ran out. */
  static final class Deadline implements AutoCloseable {
    private final AtomicReference<AbstractHttpClient> client = new AtomicReference<>();
    private final AtomicBoolean expired = new AtomicBoolean();
    private final Duration deadline;
    private volatile ScheduledFuture<?> watchdog;
    private final ThreadLocal<Deadline> owner;

    private Deadline(Duration deadline, ThreadLocal<Deadline> owner) {
      this.owner = owner;
      this.deadline = deadline;
    }

    private void expire() {
      expired.set(true);
      shutdown(client.get());
    }

    private void attach(AbstractHttpClient c) {
      client.set(c);
    }

    /**
     * The clock starts once connected, as the request goes out, and stops when the last body byte
     * is in: REST Assured's own warm-up and the suite's validation are not the server's time.
     */
    private synchronized void arm() {
      if (watchdog == null) {
        watchdog = WATCHDOG.schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    private synchronized void disarm() {
      ScheduledFuture<?> w = watchdog;
      if (w != null) {
        w.cancel(false);
      }
    }

    /** True when the deadline closed the connection. */
    boolean expired() {
      return expired.get();
    }

    @Override
    public void close() {
      disarm();
      owner.remove();
      shutdown(client.getAndSet(null));
    }

    private static void shutdown(AbstractHttpClient c) {
      if (c != null) {
        c.getConnectionManager().shutdown();
      }
    }
  }

  /**
   * One exchange sent from this thread, its deadline armed when it connects; close it when the
   * answer is in.
   */
  Deadline begin() {
    Deadline exchange = new Deadline(deadline, current);
    current.set(exchange);
    return exchange;
  }

  /** REST Assured's factory: a new client per request, capped and watched. */
  HttpClient createHttpClient() {
    DefaultHttpClient client = new GuardedClient();
    client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
    Deadline exchange = current.get();
    if (exchange == null) {
      return client;
    }
    exchange.attach(client);
    client.addRequestInterceptor(
        (request, ctx) -> {
          exchange.arm();
          if (!request.containsHeader("Accept-Encoding")) {
            request.addHeader("Accept-Encoding", ACCEPTED_CODINGS);
          }
        });
    client.addResponseInterceptor(
        (HttpResponse response, HttpContext ctx) -> {
          HttpEntity entity = response.getEntity();
          if (entity == null) {
            exchange.disarm();
            return;
          }
          if (entity.getContentLength() > maxBytes) {
            throw new ResponseTooLarge(maxBytes, null);
          }
          String coding = coding(response);
          response.removeHeaders("Content-Encoding");
          response.setEntity(new Capped(entity, maxBytes, coding, exchange::disarm));
        });
    return client;
  }

  /**
   * The one content coding to undo, or null for none; a coding the suite does not read, or codings
   * stacked on each other, make the answer unreadable.
   */
  private static String coding(HttpResponse response) throws Unreadable {
    List<String> codings = new ArrayList<>();
    for (Header header : response.getHeaders("Content-Encoding")) {
      for (HeaderElement element : header.getElements()) {
        String name = element.getName().trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity")) {
          codings.add(name);
        }
      }
    }
    if (codings.isEmpty()) {
      return null;
    }
    String shown = ServerText.cut(String.join(", ", codings), ServerText.WORD);
    if (codings.size() > 1) {
      throw new Unreadable(
          "response has stacked codings (Content-Encoding: "
              + shown
              + "); the suite decodes one ("
              + ACCEPTED_CODINGS
              + ")");
    }
    String coding = codings.get(0);
    if (!List.of("gzip", "x-gzip", "deflate").contains(coding)) {
      throw new Unreadable(
          "response has Content-Encoding: "
              + shown
              + ", which the suite does not decode (it asks for "
              + ACCEPTED_CODINGS
              + ")");
    }
    return coding;
  }

  /** A client whose answers may follow at most {@link #MAX_INTERIM_ANSWERS} 1xx answers. */
  private static final class GuardedClient extends DefaultHttpClient {
    @Override
    protected HttpRequestExecutor createRequestExecutor() {
      return new HttpRequestExecutor() {
        @Override
        protected HttpResponse doReceiveResponse(
            HttpRequest request, HttpClientConnection conn, HttpContext context)
            throws HttpException, IOException {
          // As HttpRequestExecutor does, with a count: its loop takes interim answers for ever.
          for (int interim = 0; ; interim++) {
            if (interim > MAX_INTERIM_ANSWERS) {
              throw new Unreadable(
                  "response came after more than "
                      + MAX_INTERIM_ANSWERS
                      + " interim (1xx) answers; the suite reads at most "
                      + MAX_INTERIM_ANSWERS);
            }
            HttpResponse response = conn.receiveResponseHeader();
            int status = response.getStatusLine().getStatusCode();
            if (status < 100) {
              throw new org.apache.http.ProtocolException(
                  "Invalid response: "
                      + ServerText.cut(response.getStatusLine().toString(), ServerText.WORD));
            }
            if (canResponseHaveBody(request, response)) {
              conn.receiveResponseEntity(response);
            }
            if (status >= 200) {
              return response;
            }
          }
        }
      };
    }
  }

  /**
   * An entity whose stream fails once more than {@code max} bytes were read from the wire, or, when
   * it is decoded, once more than {@code max} decoded bytes came out.
   */
  private static final class Capped extends HttpEntityWrapper {
    private final long max;
    private final String coding;
    private final Runnable atEnd;

    Capped(HttpEntity wrapped, long max, String coding, Runnable atEnd) {
      super(wrapped);
      this.max = max;
      this.coding = coding;
      this.atEnd = atEnd;
    }

    @Override
    public InputStream getContent() throws IOException {
      InputStream wire = new Counted(super.getContent(), max, null, coding == null ? atEnd : null);
      if (coding == null) {
        return wire;
      }
      return new Counted(decoder(wire), max, coding, atEnd);
    }

    private InputStream decoder(InputStream wire) throws IOException {
      try {
        if (coding.equals("deflate")) {
          // HTTP's deflate is zlib-wrapped; some servers send the raw stream. Tell them apart by
          // the zlib header (compression method 8, header checksum a multiple of 31).
          PushbackInputStream in = new PushbackInputStream(wire, 2);
          byte[] head = in.readNBytes(2);
          in.unread(head);
          boolean zlib =
              head.length == 2
                  && (head[0] & 0x0f) == 8
                  && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
          return zlib ? new InflaterInputStream(in) : new RawInflater(in);
        }
        return new GZIPInputStream(wire);
      } catch (ZipException | EOFException e) {
        throw undecodable(e);
      }
    }

    private Unreadable undecodable(IOException e) {
      return new Unreadable(
          "response does not decode as Content-Encoding: "
              + coding
              + " ("
              + ServerText.cut(String.valueOf(e.getMessage()), ServerText.WORD)
              + ")");
    }

    @Override
    public long getContentLength() {
      return coding == null ? super.getContentLength() : -1;
    }

    @Override
    public Header getContentEncoding() {
      return null;
    }

    @Override
    public void writeTo(java.io.OutputStream out) throws IOException {
      try (InputStream in = getContent()) {
        in.transferTo(out);
      }
    }

    @Override
    public boolean isStreaming() {
      return true;
    }

    /** Counts what passes; past {@code max} it fails, and at its end it stops the deadline. */
    private final class Counted extends FilterInputStream {
      private final long limit;
      private final String decodedFrom;
      private final Runnable atEof;
      private long read;

      Counted(InputStream in, long limit, String decodedFrom, Runnable atEof) {
        super(in);
        this.limit = limit;
        this.decodedFrom = decodedFrom;
        this.atEof = atEof;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
          n = super.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
          if (decodedFrom == null) {
            throw e;
          }
          throw undecodable(e);
        }
        if (n > 0) {
          read += n;
          if (read > limit) {
            throw new ResponseTooLarge(limit, decodedFrom);
          }
        } else if (n < 0 && atEof != null) {
          atEof.run();
        }
        return n;
      }
    }
  }

  /** Raw deflate (no zlib header), whose inflater is released on close. */
  private static final class RawInflater extends InflaterInputStream {
    RawInflater(InputStream in) {
      super(in, new Inflater(true));
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        inf.end();
      }
    }
  }
}
