package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Answers a browser's CORS preflight for the API and the docs (204), before auth asks a token. */
final class CorsPreflightFilter extends NamedExtension implements StubRequestFilterV2 {

  private final Cors cors;
  private final ApiRequest.Views views;

  CorsPreflightFilter(Cors cors, ApiRequest.Views views) {
    super("reels-cors-preflight");
    this.cors = cors;
    this.views = views;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    ApiRequest view = views.of(serveEvent, request);
    if (!view.method().equals("OPTIONS") || !(view.isApi() || view.isDocs())) {
      return RequestFilterAction.continueWith(request);
    }
    ResponseDefinitionBuilder b =
        new ResponseDefinitionBuilder().withStatus(204).withHeader("Allow", Cors.ALLOWED_METHODS);
    cors.preflightHeaders(request.getHeader("Origin")).forEach(b::withHeader);
    return RequestFilterAction.stopWith(b.build());
  }
}
