package dev.reelskit.contract.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.AbstractHttpClient;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;

/**
 * The HTTP client under REST Assured, guarded against a hostile server: every exchange has a total
 * deadline (a watchdog closes its connection, so a server that drips its body or never sends a
 * status line cannot hold the run), response bodies are cut off past a byte cap, and nothing is
 * retried behind the suite's back. Redirects are never followed (see {@link ReelsHttp}).
 */
final class GuardedTransport {

  /** Thrown through the client when a body passes the cap; its message is the one-line reason. */
  static final class ResponseTooLarge extends IOException {
    ResponseTooLarge(long cap) {
      super("response larger than " + cap + " bytes (--max-response-bytes)");
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
    DefaultHttpClient client = new DefaultHttpClient();
    client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
    Deadline exchange = current.get();
    if (exchange == null) {
      return client;
    }
    exchange.attach(client);
    client.addRequestInterceptor((request, ctx) -> exchange.arm());
    client.addResponseInterceptor(
        (HttpResponse response, org.apache.http.protocol.HttpContext ctx) -> {
          HttpEntity entity = response.getEntity();
          if (entity == null) {
            exchange.disarm();
            return;
          }
          if (entity.getContentLength() > maxBytes) {
            throw new ResponseTooLarge(maxBytes);
          }
          response.setEntity(new Capped(entity, maxBytes, exchange::disarm));
        });
    return client;
  }

  /** An entity whose stream fails once more than {@code max} bytes were read from it. */
  private static final class Capped extends HttpEntityWrapper {
    private final long max;
    private final Runnable atEnd;

    Capped(HttpEntity wrapped, long max, Runnable atEnd) {
      super(wrapped);
      this.max = max;
      this.atEnd = atEnd;
    }

    @Override
    public InputStream getContent() throws IOException {
      return new FilterInputStream(super.getContent()) {
        private long read;

        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            count(1);
          } else {
            atEnd.run();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          } else if (n < 0) {
            atEnd.run();
          }
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > max) {
            throw new ResponseTooLarge(max);
          }
        }
      };
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
  }
}
