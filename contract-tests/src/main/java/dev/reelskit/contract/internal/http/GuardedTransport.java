package dev.reelskit.contract.internal.http;

import java.io.IOException;
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
import org.apache.http.impl.client.AbstractHttpClient;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.protocol.HttpContext;

/**
 * The HTTP client under REST Assured, guarded against a hostile server: every exchange has a total
 * deadline (a watchdog closes its connection, so a server that drips its body or never sends a
 * status line cannot hold the run), response bodies are cut off past a byte cap counted both on the
 * wire and once decoded ({@link CappedEntity}), interim answers and trailers are limited ({@link
 * GuardedClient}), and nothing is retried behind the suite's back. Redirects are never followed
 * (see {@link ReelsHttp}).
 */
final class GuardedTransport {

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
            request.addHeader("Accept-Encoding", CappedEntity.ACCEPTED_CODINGS);
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
          String coding = CappedEntity.coding(response);
          response.removeHeaders("Content-Encoding");
          response.setEntity(new CappedEntity(entity, maxBytes, coding, exchange::disarm));
        });
    return client;
  }
}
