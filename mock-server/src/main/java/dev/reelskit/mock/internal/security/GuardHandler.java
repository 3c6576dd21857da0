package dev.reelskit.mock.internal.security;

import java.io.IOException;
import java.util.Optional;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The mock's front door: a Jetty handler wrapped around all of WireMock's (both its contexts), so
 * that nothing reaches WireMock before it has passed here.
 *
 * <ol>
 *   <li>The {@link RequestGuard}: Host allow-list and the admin guard. It has to sit here, not in a
 *       WireMock request filter: WireMock 3.13.2 answers CORS preflights under {@code /__admin} in
 *       Jetty's {@code CrossOriginFilter} and serves {@code /__admin/swagger-ui/}, {@code
 *       /__admin/recorder/}, {@code /__admin/not-matched} and {@code /__files/} from plain
 *       servlets; none of these reach a {@code RequestFilterV2}.
 *   <li>The intake. WireMock reads a request body with a blocking {@code readAllBytes()} on one of
 *       its 25 request threads, unbounded, and un-gzips it unbounded: twenty stalled uploads used
 *       to stop the mock, four 256 MB uploads without a token took 2 GB of heap. Here a request the
 *       mock will refuse whatever its body ({@link BodyGate}: no valid API token) goes on with an
 *       empty body, its own unread; a declared length over the cap gets 413 at once; any other body
 *       is read without a thread ({@link BodyIntake}) and the request dispatched again with it in
 *       memory.
 * </ol>
 */
final class GuardHandler extends HandlerWrapper {

  private final RequestGuard guard;
  private final BodyGate gate;
  private final IntakeLimits limits;
  private final IntakeBudget budget;

  GuardHandler(RequestGuard guard, BodyGate gate, IntakeLimits limits) {
    this.guard = guard;
    this.gate = gate;
    this.limits = limits;
    this.budget = new IntakeBudget(limits.budgetBytes());
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (request.getAttribute(BodyIntake.BODY) instanceof BodyIntake.Body body) {
      request.removeAttribute(BodyIntake.BODY);
      // The body is in: WireMock's contexts, filters and gzip handler see the request it is, not
      // an async redispatch (their filters and gzip are mapped to REQUEST dispatches only).
      baseRequest.setDispatcherType(DispatcherType.REQUEST);
      try {
        super.handle(
            target,
            baseRequest,
            new BufferedBodyRequest(request, body.bytes(), body.length()),
            response);
      } finally {
        body.release();
      }
      return;
    }
    boolean hasBody =
        request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    // target is Jetty's decoded, normalised path: /%5F%5Fadmin/... is judged as /__admin/...
    Optional<Refusal> refusal =
        guard.check(
            new GuardedRequest(
                request.getMethod(),
                target,
                request.getHeader("Host"),
                request.getHeader("Origin"),
                request.getContentType(),
                request.getHeader("Authorization"),
                hasBody));
    if (refusal.isPresent()) {
      baseRequest.setHandled(true);
      send(response, refusal.get(), hasBody);
      return;
    }
    if (!hasBody && !http2WithoutLength(request)) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    if (gate.refusesUnread(
        request.getMethod(), request.getRequestURI(), request.getHeader("Authorization"))) {
      response.setHeader("Connection", "close"); // the body stays unread: end the connection
      super.handle(target, baseRequest, BufferedBodyRequest.unread(request), response);
      return;
    }
    if (request.getContentLengthLong() > limits.maxBodyBytes()) {
      baseRequest.setHandled(true);
      send(response, Refusal.tooLarge(limits.maxBodyBytes()), true);
      return;
    }
    baseRequest.setHandled(true);
    BodyIntake.start(request, response, limits.maxBodyBytes(), limits.bodyTimeout(), budget);
  }

  /**
   * An HTTP/2 request says nothing of a body in its headers when it has no {@code Content-Length}:
   * DATA frames may follow or not. The intake reads it either way, so that none is ever read by a
   * request thread (an absent body ends at once).
   */
  private static boolean http2WithoutLength(HttpServletRequest request) {
    return request.getContentLengthLong() < 0 && request.getProtocol().startsWith("HTTP/2");
  }

  /**
   * Answers a refusal as JSON. With {@code close} (a body left unread, or read only in part) the
   * connection ends after it: Jetty then discards what the peer still sends.
   */
  static void send(HttpServletResponse response, Refusal r, boolean close) throws IOException {
    byte[] body = r.body();
    response.setStatus(r.status());
    response.setContentType("application/json");
    r.headers().forEach(response::setHeader);
    if (close) {
      response.setHeader("Connection", "close");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** Bytes of request bodies held at once now (tests). */
  long heldBytes() {
    return budget.held();
  }
}
