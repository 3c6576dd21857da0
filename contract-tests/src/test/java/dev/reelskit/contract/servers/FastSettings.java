package dev.reelskit.contract.servers;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import java.time.Duration;

/** Settings that make a whole run take about a second against {@link ReelsTestServer}. */
public final class FastSettings {

  private FastSettings() {}

  public static ContractTestSettings against(ReelsTestServer server) {
    return ContractTestSettings.forTarget(server.baseUrl(), ReelsTestServer.TOKEN)
        .withPollInterval(Duration.ofMillis(50))
        .withJobTimeout(Duration.ofMillis(1500))
        .withRateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
        .withUnknownToken(ReelsTestServer.UNKNOWN_TOKEN)
        .withForbiddenToken(ReelsTestServer.FORBIDDEN_TOKEN);
  }
}
