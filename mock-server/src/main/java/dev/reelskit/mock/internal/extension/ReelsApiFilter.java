package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.conformance.TrafficLog;
import dev.reelskit.mock.jobs.MockClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WireMock filter of the mock: answers every non-admin request itself ({@code /api}, {@code
 * /docs}, CORS preflights, and a JSON 404 for anything else), so no stub is ever matched and
 * WireMock never computes near misses. Every API request is recorded in the traffic log and, with {@code --verbose},
 * logged as one line with the token masked.
 */
public final class ReelsApiFilter implements StubRequestFilterV2 {

  /** Stable extension name (treated as API). */
  public static final String NAME = "reels-api";

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.mock.requests");

  private final ApiHandler api;
  private final TokenRules tokens;
  private final DocsHandler docs = new DocsHandler();
  private final TrafficLog traffic;
  private final MockClock clock;
  private final boolean verbose;

  public ReelsApiFilter(ReelsApi parts, TrafficLog traffic, boolean verbose) {
    this.api = parts.handler();
    this.tokens = parts.tokens();
    this.clock = parts.jobs().clock();
    this.traffic = traffic;
    this.verbose = verbose;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String url = request.getUrl();
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    String origin = request.getHeader("Origin");
    boolean api = path.equals("/api") || path.startsWith("/api/");
    if (request.getMethod().getName().equals("OPTIONS") && (api || path.startsWith("/docs"))) {
      return stop(204, null, null, Cors.preflightHeaders(origin), Map.of("Allow", Cors.ALLOWED_METHODS));
    }
    if (api) {
      return RequestFilterAction.stopWith(serveApi(request, path, origin));
    }
    if (path.equals("/docs") || path.startsWith("/docs/")) {
      DocsHandler.Doc doc = docs.serve(path);
      if (doc.body() == null) {
        return stop(404, "text/plain", null, Cors.responseHeaders(origin), Map.of());
      }
      Map<String, String> extra = doc.location() == null ? Map.of() : Map.of("Location", doc.location());
      return stop(doc.status(), doc.contentType(), doc.body(), Cors.responseHeaders(origin), extra);
    }
    // Everything else: a JSON 404 from here, so no request ever reaches WireMock's stub matching
    // (its unmatched path computes near misses or answers an empty 404).
    return stop(404, "application/json", QuietWireMock.notFoundBody(), Cors.responseHeaders(origin),
        Map.of());
  }

  private ResponseDefinition serveApi(Request request, String path, String origin) {
    long started = System.nanoTime();
    TokenRules.Check auth = tokens.check(request.getHeader("Authorization"));
    ApiResponse r = api.handle(request, path, auth);
    String method = request.getMethod().getName();
    traffic.recordNext(seq -> new TrafficEntry(seq, clock.now(), auth.fingerprint(), method, path,
        r.operation(), r.jobId(), r.status(), r.shown(), r.retryAfter(), r.rejection()));
    if (verbose) {
      LOG.info("{} {} -> {} ({} ms) token {}", method, path, r.status(),
          (System.nanoTime() - started) / 1_000_000, auth.fingerprint());
    }
    return definition(r.status(), "application/json", r.body(), Cors.responseHeaders(origin),
        r.headers());
  }

  private static RequestFilterAction stop(int status, String contentType, byte[] body,
      Map<String, String> cors, Map<String, String> extra) {
    return RequestFilterAction.stopWith(definition(status, contentType, body, cors, extra));
  }

  private static ResponseDefinition definition(int status, String contentType, byte[] body,
      Map<String, String> cors, Map<String, String> extra) {
    List<HttpHeader> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add(new HttpHeader("Content-Type", contentType));
    }
    cors.forEach((k, v) -> headers.add(new HttpHeader(k, v)));
    extra.forEach((k, v) -> headers.add(new HttpHeader(k, v)));
    ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(status)
        .withHeaders(new HttpHeaders(headers));
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }
}
