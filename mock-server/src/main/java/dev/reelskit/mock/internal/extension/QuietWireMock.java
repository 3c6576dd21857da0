package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pieces that keep embedded WireMock from doing what the kit does not want: no mappings read
 * from the working directory, and its console notices routed to SLF4J. (No request goes unmatched:
 * {@link ApiStubs} ends in a catch-all JSON 404 that no reset can remove, so WireMock's near-miss
 * renderer never runs.)
 */
public final class QuietWireMock {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.mock.wiremock");

  private QuietWireMock() {}

  public static Notifier notifier() {
    return new Notifier() {
      @Override
      public void info(String message) {
        LOG.debug(message);
      }

      @Override
      public void error(String message) {
        LOG.warn(message);
      }

      @Override
      public void error(String message, Throwable t) {
        LOG.warn(message, t);
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
