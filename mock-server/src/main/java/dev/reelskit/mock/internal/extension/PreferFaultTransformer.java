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

  private final ApiRequest.Views views;

  PreferFaultTransformer(ApiRequest.Views views) {
    super("reels-prefer-fault");
    this.views = views;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    ApiRequest request = views.of(serveEvent);
    PreferHeader p = request.isApi() ? request.prefer() : null;
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
