package dev.reelskit.mock.internal.security;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.Handler;

/**
 * WireMock's own Jetty 11 server with the {@link GuardHandler} in front of every request. A
 * WireMock extension: register it with the other extensions, and WireMock picks it as its server.
 */
public final class GuardedServerFactory implements HttpServerFactory {

  /** Stable extension name (treated as API). */
  public static final String NAME = "reels-request-guard";

  private final RequestGuard guard;

  public GuardedServerFactory(RequestGuard guard) {
    this.guard = guard;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public HttpServer buildHttpServer(
      Options options,
      AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    Handler[] front = {new GuardHandler(guard)};
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      public Handler[] extensionHandlers() {
        return front; // called from the super constructor: only captured locals are set by then
      }
    };
  }
}
