package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.openapi.model.ApiError;

/**
 * With the request journal off (the default), WireMock answers its journal endpoints with a 500 and
 * an HTML stack trace. This admin filter answers them instead with a JSON 409 that says what to do.
 */
public final class JournalOffFilter extends NamedExtension implements AdminRequestFilterV2 {

  JournalOffFilter() {
    super("reels-journal-off");
  }

  private static final byte[] BODY =
      SpecResponses.errorBytes(
          new ApiError()
              .error(
                  "the request journal is off: start the mock with --request-journal to use it, or read the"
                      + " mock's own traffic record at /__admin/reels/traffic"));

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String url = request.getUrl(); // admin filters see the path below /__admin
    if (url.startsWith("/requests") || url.startsWith("/near-misses")) {
      return RequestFilterAction.stopWith(
          ResponseDefinitionBuilder.responseDefinition()
              .withStatus(409)
              .withHeader("Content-Type", "application/json")
              .withBody(BODY)
              .build());
    }
    return RequestFilterAction.continueWith(request);
  }
}
