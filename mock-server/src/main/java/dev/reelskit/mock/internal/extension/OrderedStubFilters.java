package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.requestfilter.ContinueAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;

/**
 * Runs the API's stub-request filters in a fixed order, the first that stops a request answering
 * it. The order matters (a 401 must not count against the rate limit) and WireMock 3.13.2 does not
 * keep it for extensions an {@code ExtensionFactory} returns: {@code Extensions.load()} collects
 * them with {@code Collectors.toMap}, a {@code HashMap}. So the factory registers this one filter.
 */
final class OrderedStubFilters extends NamedExtension implements StubRequestFilterV2 {

  private final List<RequestFilterV2> filters;

  OrderedStubFilters(List<RequestFilterV2> filters) {
    super("reels-request-filters");
    this.filters = List.copyOf(filters);
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    Request current = request;
    for (RequestFilterV2 filter : filters) {
      RequestFilterAction action = filter.filter(current, serveEvent);
      if (!(action instanceof ContinueAction next)) {
        return action;
      }
      current = next.getRequest();
    }
    return RequestFilterAction.continueWith(current);
  }
}
