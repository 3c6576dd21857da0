package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import dev.reelskit.mock.internal.logging.LogSafe;
import dev.reelskit.openapi.model.ApiError;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pieces that keep embedded WireMock from doing what the kit does not want: no mappings read
 * from the working directory, no near-miss diff for an unmatched request (a JSON 404 instead), and
 * its console notices routed to SLF4J.
 */
public final class QuietWireMock {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.mock.wiremock");

  private QuietWireMock() {}

  /** The body of every 404 outside {@code /api} and {@code /docs}. */
  public static byte[] notFoundBody() {
    return SpecResponses.errorBytes(new ApiError().error("not found"));
  }

  public static Notifier notifier() {
    return new Notifier() {
      // WireMock's notices quote requests (paths, bodies, JSON errors): escaped, one line each.
      @Override
      public void info(String message) {
        LOG.debug("{}", LogSafe.text(message));
      }

      @Override
      public void error(String message) {
        LOG.warn("{}", LogSafe.text(message));
      }

      @Override
      public void error(String message, Throwable t) {
        LOG.warn("{}: {}", LogSafe.text(message), LogSafe.text(String.valueOf(t)));
        LOG.debug("stack trace of the above", t);
      }
    };
  }

  public static NotMatchedRenderer notMatchedRenderer() {
    return new NotMatchedRenderer() {
      @Override
      protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
        return new ResponseDefinitionBuilder()
            .withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody(notFoundBody())
            .build();
      }
    };
  }

  /** Loads nothing and saves nothing: the kit's stubs are added in code. */
  public static MappingsSource noMappings() {
    return new MappingsSource() {
      @Override
      public void loadMappingsInto(StubMappings stubMappings) {}

      @Override
      public void save(List<StubMapping> stubMappings) {}

      @Override
      public void save(StubMapping stubMapping) {}

      @Override
      @SuppressWarnings("removal") // still abstract in WireMock 3.13.2, so it must be implemented
      public void remove(StubMapping stubMapping) {}

      @Override
      public void removeAll() {}
    };
  }
}
