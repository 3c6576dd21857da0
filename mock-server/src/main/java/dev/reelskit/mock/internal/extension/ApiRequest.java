package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.common.RequestCache;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Owners;
import dev.reelskit.mock.internal.jobs.Tenant;
import java.util.UUID;

/**
 * One request as the mock reads it, made once per request and read by every filter, transformer and
 * listener of the mock ({@link Views#of}): its path (split from the URL once), its {@link Route}
 * (the operation derived once, the job id parsed once), and, when first asked, its token with the
 * verdict, the token's owner key and tenant, its {@code Prefer} header and a submission's body.
 * Those parts are computed lazily because a request refused early needs few of them; a view lives
 * on the request's thread only, so they need no lock.
 *
 * <p>The view is kept in WireMock's {@link RequestCache}: a per-thread map that {@code
 * AbstractRequestHandler.handle} empties when it has sent the answer and run the serve-event
 * listeners. It is keyed by the serve event's id, which WireMock keeps through every copy of the
 * event (filters, matching, transformers, listeners), so a view can never be read by another
 * request, even one on the same thread after a request that ended in an exception.
 */
final class ApiRequest {

  private final Request request;
  private final String method;
  private final String path;
  private final boolean api;
  private final boolean docs;
  private final Route route;
  private final TokenRules tokens;
  private final JobStore jobs;

  private TokenRules.Check auth;
  private String owner;
  private Tenant tenant;
  private PreferHeader prefer;
  private boolean preferRead;
  private AnalyzeBody body;

  private ApiRequest(Request request, TokenRules tokens, JobStore jobs) {
    this.request = request;
    this.tokens = tokens;
    this.jobs = jobs;
    this.method = request.getMethod().getName();
    this.path = Route.pathOf(request.getUrl());
    this.api = Route.isApi(path);
    this.docs = !api && Route.isDocs(path);
    this.route = api ? Route.of(method, path) : Route.NONE;
  }

  /** Makes the views of one mock's requests: every component of a mock shares one. */
  static final class Views {
    private final TokenRules tokens;
    private final JobStore jobs;

    Views(TokenRules tokens, JobStore jobs) {
      this.tokens = tokens;
      this.jobs = jobs;
    }

    /** The view of the request {@code event} serves, made on the first call for that event. */
    ApiRequest of(ServeEvent event) {
      return of(event.getId(), event.getRequest());
    }

    /**
     * As {@link #of(ServeEvent)}, from a stub-request filter, which is handed the request as the
     * filters before it left it.
     */
    ApiRequest of(ServeEvent event, Request request) {
      return of(event.getId(), request);
    }

    private ApiRequest of(UUID id, Request request) {
      return RequestCache.getCurrent()
          .get(
              RequestCache.Key.keyFor(ApiRequest.class, id, this),
              () -> new ApiRequest(request, tokens, jobs));
    }
  }

  Request request() {
    return request;
  }

  String method() {
    return method;
  }

  /** The URL's path, without its query. */
  String path() {
    return path;
  }

  /** Whether the path is under {@code /api}. */
  boolean isApi() {
    return api;
  }

  /** Whether the path is under {@code /docs}. */
  boolean isDocs() {
    return docs;
  }

  /** Where an API request lands; {@link Route#NONE} for any other path. */
  Route route() {
    return route;
  }

  /** The operationId the path and method select, null when none does. */
  String operation() {
    return route.operation();
  }

  /** What the {@code Authorization} header amounts to. */
  TokenRules.Check auth() {
    if (auth == null) {
      auth = tokens.check(request.getHeader("Authorization"));
    }
    return auth;
  }

  /** The token, null when the request has no Bearer token. */
  String token() {
    return auth().token();
  }

  /** The owner key of the token ({@link Owners}), null without a token. */
  String owner() {
    if (owner == null) {
      owner = Owners.of(token());
    }
    return owner;
  }

  /** The tenant whose clock this client reads. */
  Tenant tenant() {
    if (tenant == null) {
      tenant = jobs.tenants().forToken(token());
    }
    return tenant;
  }

  /** The {@code Prefer} header, null when it asks for nothing the mock understands. */
  PreferHeader prefer() {
    if (!preferRead) {
      prefer = PreferHeader.parse(request.getHeader("Prefer"));
      preferRead = true;
    }
    return prefer;
  }

  /** A submission's body, validated. */
  AnalyzeBody analyzeBody() {
    if (body == null) {
      body = AnalyzeBody.parse(request.getHeader("Content-Type"), request.getBody());
    }
    return body;
  }
}
