package dev.reelskit.mock.internal.security;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ContextHandler;

/**
 * WireMock's own Jetty 11 server with the {@link GuardHandler} wrapped around all its handlers, and
 * a JSON body for the requests Jetty itself refuses ({@link JsonBadMessages}). A WireMock
 * extension: register it with the other extensions, and WireMock picks it as its server.
 */
public final class GuardedServerFactory implements HttpServerFactory {

  /** Stable extension name (treated as API). */
  public static final String NAME = "reels-request-guard";

  private final RequestGuard guard;
  private final BodyGate gate;
  private final IntakeLimits limits;

  public GuardedServerFactory(RequestGuard guard, BodyGate gate, IntakeLimits limits) {
    this.guard = guard;
    this.gate = gate;
    this.limits = limits;
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
    RequestGuard g = guard;
    BodyGate b = gate;
    IntakeLimits l = limits;
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      // Called from the super constructor: only captured locals are set by then, not fields.
      @Override
      protected Handler createHandler(
          Options o, AdminRequestHandler admin, StubRequestHandler stubs) {
        // A wrapper, not one of extensionHandlers(): those sit in a HandlerCollection beside
        // WireMock's contexts, and cannot hand them a request whose body was read first.
        GuardHandler front = new GuardHandler(g, b, l);
        front.setHandler(super.createHandler(o, admin, stubs));
        return front;
      }

      @Override
      protected void applyAdditionalServerConfiguration(Server server, Options options) {
        super.applyAdditionalServerConfiguration(server, options);
        server.setErrorHandler(new JsonBadMessages()); // requests Jetty cannot parse: JSON too
      }

      @Override
      protected void finalizeSetup(Options options) {
        super.finalizeSetup(options);
        // The API's and the admin API's servlet contexts answer their own errors: JSON there too.
        for (Handler context : jettyServer.getChildHandlersByClass(ContextHandler.class)) {
          ((ContextHandler) context).setErrorHandler(new JsonBadMessages());
        }
      }
    };
  }
}
