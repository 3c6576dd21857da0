package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.mock.internal.logging.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --verbose}: one log line per API request, the token masked, the path as {@link LogSafe}
 * prints what a client sent.
 */
final class RequestLogListener extends NamedExtension implements ServeEventListener {
  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.mock.requests");

  private final TokenRules tokens;

  RequestLogListener(TokenRules tokens) {
    super("reels-request-log");
    this.tokens = tokens;
  }

  @Override
  public void afterComplete(ServeEvent event, Parameters parameters) {
    String path = Route.pathOf(event.getRequest().getUrl());
    if (!Route.isApi(path) || !LOG.isInfoEnabled()) {
      return;
    }
    Integer ms = event.getTiming() == null ? null : event.getTiming().getProcessTime();
    LOG.info(
        "{} {} -> {} ({} ms) token {}",
        LogSafe.text(event.getRequest().getMethod().getName()),
        LogSafe.text(path),
        event.getResponse() == null ? 0 : event.getResponse().getStatus(),
        ms,
        tokens.check(event.getRequest().getHeader("Authorization")).fingerprint());
  }
}
