package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A stub-request filter for one concern of the API, applied only to requests under {@code /api}:
 * anything else (the docs, a user's stub on another path) passes untouched.
 */
abstract class ApiFilter extends NamedExtension implements StubRequestFilterV2 {

  /** The spec's documented bodies, which every refusal is built from. */
  final SpecResponses spec;

  private final ApiRequest.Views views;

  ApiFilter(String name, SpecResponses spec, ApiRequest.Views views) {
    super(name);
    this.spec = spec;
    this.views = views;
  }

  @Override
  public final RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    ApiRequest api = views.of(serveEvent, request);
    if (!api.isApi()) {
      return RequestFilterAction.continueWith(request);
    }
    ApiResponse refused = refuse(api);
    return refused == null
        ? RequestFilterAction.continueWith(request)
        : RequestFilterAction.stopWith(refused.toDefinition());
  }

  /** The answer that stops this API request here, or null to let it through. */
  abstract ApiResponse refuse(ApiRequest request);
}
