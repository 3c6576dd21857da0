package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * {@code Prefer: fault=...} and {@code Prefer: delay=<ms>} on any request under {@code /api}: the
 * answer, whoever built it, is broken with that WireMock fault or held back that long (on
 * WireMock's scheduler, not a request thread). Values it cannot honour were refused with 400 by
 * {@link PreferFilter}.
 */
final class PreferFaultTransformer extends NamedExtension implements ResponseTransformerV2 {

  PreferFaultTransformer() {
    super("reels-prefer-fault");
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    String prefer = serveEvent.getRequest().getHeader("Prefer");
    if (prefer == null || !Route.isApi(Route.pathOf(serveEvent.getRequest().getUrl()))) {
      return response;
    }
    PreferHeader p = PreferHeader.parse(prefer);
    if (p == null || p.invalid() != null || (p.fault() == null && p.delayMillis() == null)) {
      return response;
    }
    Response.Builder b = Response.Builder.like(response);
    if (p.fault() != null) {
      b.fault(p.fault());
    }
    if (p.delayMillis() != null) {
      b.incrementInitialDelay(p.delayMillis());
    }
    return b.build();
  }
}
