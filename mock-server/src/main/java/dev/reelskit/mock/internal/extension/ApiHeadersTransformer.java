package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headers every answer under {@code /api} carries, whoever built it (the mock, a filter or a user's
 * stub): {@code X-Reels-Api-Version} (the spec's {@code info.version}), {@code X-Reels-Limits} (the
 * limits this mock enforces, or {@code none}: a client such as the contract suite learns its
 * request budget from it instead of guessing) and, for an allowed browser origin ({@link Cors}),
 * the CORS headers (also on {@code /docs}). A stub that sets one keeps its own.
 */
final class ApiHeadersTransformer extends NamedExtension implements ResponseTransformerV2 {
  static final String VERSION_HEADER = "X-Reels-Api-Version";
  static final String LIMITS_HEADER = "X-Reels-Limits";

  /** What {@code X-Reels-Limits} says when the mock enforces no limit at all. */
  static final String NO_LIMITS = "none";

  private final String version;
  private final String limits;
  private final Cors cors;
  private final ApiRequest.Views views;

  ApiHeadersTransformer(String version, String limits, Cors cors, ApiRequest.Views views) {
    super("reels-api-headers");
    this.version = version;
    this.limits = limits;
    this.cors = cors;
    this.views = views;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    ApiRequest request = views.of(serveEvent);
    boolean api = request.isApi();
    if (!api && !request.isDocs()) {
      return response;
    }
    HttpHeaders headers = response.getHeaders() == null ? new HttpHeaders() : response.getHeaders();
    // One new header set per answer, not one per header added: every copy rebuilds the multimap.
    List<HttpHeader> added = new ArrayList<>(4);
    if (api && !headers.getHeader(VERSION_HEADER).isPresent()) {
      added.add(new HttpHeader(VERSION_HEADER, version));
    }
    if (api && !headers.getHeader(LIMITS_HEADER).isPresent()) {
      added.add(new HttpHeader(LIMITS_HEADER, limits));
    }
    if (!headers.getHeader("Access-Control-Allow-Origin").isPresent()) {
      for (Map.Entry<String, String> h :
          cors.responseHeaders(serveEvent.getRequest().getHeader("Origin")).entrySet()) {
        added.add(new HttpHeader(h.getKey(), h.getValue()));
      }
    }
    if (added.isEmpty()) {
      return response;
    }
    return Response.Builder.like(response)
        .headers(headers.plus(added.toArray(HttpHeader[]::new)))
        .build();
  }
}
