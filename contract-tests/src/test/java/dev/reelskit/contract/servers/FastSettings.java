package dev.reelskit.contract.servers;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import java.time.Duration;

/**
 * Settings that make a whole run take about a second against {@link ReelsTestServer}. The job
 * timeout is generous (10 s against jobs that take 100 ms) so that a loaded machine, or a wait on a
 * 1 s Retry-After, never reads as RC-LIFE-002; only the run against a server that never finishes a
 * job waits for it ({@link #giveUpQuickly}).
 */
public final class FastSettings {

  private FastSettings() {}

  public static ContractTestSettings against(ReelsTestServer server) {
    return builder(server).build();
  }

  /** The same values in a builder, to change some of them. */
  public static ContractTestSettings.Builder builder(ReelsTestServer server) {
    return ContractTestSettings.builder(server.baseUrl(), ReelsTestServer.TOKEN)
        .pollInterval(Duration.ofMillis(50))
        .jobTimeout(Duration.ofSeconds(10))
        .rateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
        .unknownToken(ReelsTestServer.UNKNOWN_TOKEN)
        .forbiddenToken(ReelsTestServer.FORBIDDEN_TOKEN);
  }

  /** As {@link #against}, but giving up on a job after 1.5 s: for servers whose jobs never end. */
  public static ContractTestSettings giveUpQuickly(ReelsTestServer server) {
    return builder(server).jobTimeout(Duration.ofMillis(1500)).build();
  }
}
