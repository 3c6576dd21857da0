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

  private final ApiRequest.Views views;

  RequestLogListener(ApiRequest.Views views) {
    super("reels-request-log");
    this.views = views;
  }

  @Override
  public void afterComplete(ServeEvent event, Parameters parameters) {
    ApiRequest request = views.of(event);
    if (!request.isApi() || !LOG.isInfoEnabled()) {
      return;
    }
    Integer ms = event.getTiming() == null ? null : event.getTiming().getProcessTime();
    LOG.info(
        "{} {} -> {} ({} ms) token {}",
        LogSafe.text(request.method()),
        LogSafe.text(request.path()),
        event.getResponse() == null ? 0 : event.getResponse().getStatus(),
        ms,
        request.auth().fingerprint());
  }
}
