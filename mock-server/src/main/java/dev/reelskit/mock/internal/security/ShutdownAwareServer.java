package dev.reelskit.mock.internal.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WireMock's server, telling its owner when {@code POST /__admin/shutdown} has stopped it. Plain
 * WireMock only stops Jetty, so a {@code java -jar} whose main thread waits for Ctrl-C would keep a
 * JVM alive that no longer listens; the owner of this server exits instead.
 */
public final class ShutdownAwareServer extends WireMockServer {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.mock");

  private volatile Runnable afterShutdown = () -> {};

  public ShutdownAwareServer(Options options) {
    super(options);
  }

  /** Runs {@code action} once the server has stopped after an admin shutdown request. */
  public void afterAdminShutdown(Runnable action) {
    this.afterShutdown = action;
  }

  /** What WireMock's {@code POST /__admin/shutdown} calls (never {@link #stop()}). */
  @Override
  public void shutdown() {
    LOG.info("shutdown requested through POST /__admin/shutdown: stopping");
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(
                    100); // as WireMock does: let Jetty finish answering the shutdown request
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              stop();
              LOG.info("mock stopped");
              afterShutdown.run();
            },
            "reels-mock-admin-shutdown");
    stopper.start();
  }
}
