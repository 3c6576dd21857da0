package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Answers a browser's CORS preflight for the API and the docs (204), before auth asks a token. */
final class CorsPreflightFilter extends NamedExtension implements StubRequestFilterV2 {

  private final Cors cors;

  CorsPreflightFilter(Cors cors) {
    super("reels-cors-preflight");
    this.cors = cors;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String path = Route.pathOf(request.getUrl());
    if (!request.getMethod().getName().equals("OPTIONS")
        || !(Route.isApi(path) || Route.isDocs(path))) {
      return RequestFilterAction.continueWith(request);
    }
    ResponseDefinitionBuilder b =
        new ResponseDefinitionBuilder().withStatus(204).withHeader("Allow", Cors.ALLOWED_METHODS);
    cors.preflightHeaders(request.getHeader("Origin")).forEach(b::withHeader);
    return RequestFilterAction.stopWith(b.build());
  }
}
