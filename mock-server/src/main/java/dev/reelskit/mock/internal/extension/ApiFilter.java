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

  ApiFilter(String name, SpecResponses spec) {
    super(name);
    this.spec = spec;
  }

  @Override
  public final RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String path = Route.pathOf(request.getUrl());
    if (!Route.isApi(path)) {
      return RequestFilterAction.continueWith(request);
    }
    ApiResponse refused = refuse(request, path);
    return refused == null
        ? RequestFilterAction.continueWith(request)
        : RequestFilterAction.stopWith(refused.toDefinition());
  }

  /** The answer that stops this API request here, or null to let it through. */
  abstract ApiResponse refuse(Request request, String path);

  static String operationOf(Request request, String path) {
    return Route.of(request.getMethod().getName(), path).operation();
  }
}
