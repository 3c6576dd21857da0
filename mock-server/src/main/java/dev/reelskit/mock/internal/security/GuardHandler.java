package dev.reelskit.mock.internal.security;

import java.io.IOException;
import java.util.Optional;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * The {@link RequestGuard} as the first Jetty handler of WireMock's server, in front of both of its
 * contexts. It has to sit here, not in a WireMock request filter: WireMock 3.13.2 answers CORS
 * preflights under {@code /__admin} in Jetty's {@code CrossOriginFilter} (any origin allowed), and
 * serves {@code /__admin/swagger-ui/}, {@code /__admin/recorder/}, {@code /__admin/not-matched} and
 * {@code /__files/} from plain servlets; none of these reach a {@code RequestFilterV2}.
 */
final class GuardHandler extends AbstractHandler {

  private final RequestGuard guard;

  GuardHandler(RequestGuard guard) {
    this.guard = guard;
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
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
    if (refusal.isEmpty()) {
      return;
    }
    Refusal r = refusal.get();
    byte[] body = r.body();
    baseRequest.setHandled(true);
    response.setStatus(r.status());
    response.setContentType("application/json");
    r.headers().forEach(response::setHeader);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
