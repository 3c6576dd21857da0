package dev.reelskit.mock.internal.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import wiremock.jakarta.servlet.AsyncContext;
import wiremock.jakarta.servlet.AsyncEvent;
import wiremock.jakarta.servlet.AsyncListener;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/**
 * Reads one request body without a thread: servlet 5 non-blocking reads ({@link ReadListener})
 * gather it while no request thread waits, then the request is dispatched again with the body in
 * memory ({@link GuardHandler}). Along the way, each of the intake's bounds answers for itself:
 *
 * <ul>
 *   <li>more than {@code --max-body-bytes} (counted as it arrives): 413, nothing more read;
 *   <li>not all there within {@code --body-timeout} of the first byte: 408;
 *   <li>the budget for bodies held at once spent: 503 with {@code Retry-After};
 *   <li>a gzip body that would inflate past the cap, or does not inflate: 413 or 400.
 * </ul>
 *
 * Every refusal closes the connection ({@code Connection: close}): Jetty then discards what the
 * peer still sends instead of parsing it as the next request.
 */
final class BodyIntake implements ReadListener, AsyncListener {

  /** The request attribute that carries the body into the second dispatch. */
  static final String BODY = BodyIntake.class.getName() + ".body";

  private static final int FIRST_BUFFER = 16 * 1024;

  private enum State {
    READING,
    DISPATCHED,
    REFUSED
  }

  /** A body read whole, with the budget it holds until the mock has answered. */
  record Body(byte[] bytes, int length, IntakeBudget budget, long held) {
    void release() {
      budget.giveBack(held);
    }
  }

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final long maxBytes;
  private final Duration timeout;
  private final IntakeBudget budget;
  private final long declared;
  private AsyncContext async;
  private ServletInputStream in;
  private byte[] buffer = new byte[0];
  private int size;
  private long held;
  private State state = State.READING;

  private BodyIntake(
      HttpServletRequest request,
      HttpServletResponse response,
      long maxBytes,
      Duration timeout,
      IntakeBudget budget) {
    this.request = request;
    this.response = response;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.budget = budget;
    this.declared = request.getContentLengthLong();
  }

  /** Starts reading {@code request}'s body; the calling thread returns at once. */
  static void start(
      HttpServletRequest request,
      HttpServletResponse response,
      long maxBytes,
      Duration timeout,
      IntakeBudget budget)
      throws IOException {
    BodyIntake intake = new BodyIntake(request, response, maxBytes, timeout, budget);
    synchronized (intake) {
      intake.async = request.startAsync();
      intake.async.setTimeout(timeout.toMillis());
      intake.async.addListener(intake);
      intake.in = request.getInputStream(); // sends 100 Continue when the peer waits for it
      intake.in.setReadListener(intake);
    }
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    while (state == State.READING && in.isReady()) {
      if (size == buffer.length) {
        if (declared >= 0 && size == declared) {
          if (in.read() >= 0) {
            refuse(Refusal.unreadable()); // more than declared: Jetty does not let this happen
          }
          return; // end of the body: onAllDataRead follows
        }
        if (!grow()) {
          return;
        }
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        return;
      }
      size += n;
      if (size > maxBytes) {
        refuse(Refusal.tooLarge(maxBytes));
        return;
      }
    }
  }

  /** Doubles the buffer within the cap (+1, to see a chunked body go over) and the budget. */
  private boolean grow() {
    long limit = declared >= 0 ? declared : maxBytes + 1;
    int next = (int) Math.min(limit, Math.max(FIRST_BUFFER, 2L * buffer.length));
    if (!budget.take(next - buffer.length)) {
      refuse(Refusal.busy(budget.capacity()));
      return false;
    }
    held += next - buffer.length;
    buffer = Arrays.copyOf(buffer, next);
    return true;
  }

  @Override
  public synchronized void onAllDataRead() {
    if (state != State.READING) {
      return;
    }
    switch (Gunzip.check(request.getHeader("Content-Encoding"), buffer, size, maxBytes)) {
      case TOO_LARGE -> {
        refuse(Refusal.inflatesTooLarge(maxBytes));
        return;
      }
      case BROKEN -> {
        refuse(Refusal.notGzip());
        return;
      }
      default -> {}
    }
    request.setAttribute(BODY, new Body(buffer, size, budget, held));
    try {
      async.dispatch();
      state = State.DISPATCHED;
    } catch (IllegalStateException e) {
      // the timeout fired meanwhile: onTimeout answers 408
      request.removeAttribute(BODY);
    }
  }

  @Override
  public synchronized void onError(Throwable failure) {
    refuse(Refusal.unreadable());
  }

  @Override
  public synchronized void onTimeout(AsyncEvent event) {
    refuse(Refusal.tooSlow(timeout));
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onError(AsyncEvent event) {
    onError(event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {}

  private void refuse(Refusal refusal) {
    if (state != State.READING) {
      return;
    }
    state = State.REFUSED;
    budget.giveBack(held);
    held = 0;
    buffer = null;
    try {
      GuardHandler.send(response, refusal, true);
    } catch (IOException | RuntimeException e) {
      // the peer is gone or the response was already committed: nothing left to tell it
    }
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // completed already by Jetty (the connection closed under it)
    }
  }
}
