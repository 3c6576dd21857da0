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
    return against(server.baseUrl());
  }

  /** As {@link #against(ReelsTestServer)}, for a server in front of one (a proxy). */
  public static ContractTestSettings against(String baseUrl) {
    return ContractTestSettings.forTarget(baseUrl, ReelsTestServer.TOKEN)
        .withPollInterval(Duration.ofMillis(50))
        .withJobTimeout(Duration.ofSeconds(10))
        .withRateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
        .withUnknownToken(ReelsTestServer.UNKNOWN_TOKEN)
        .withForbiddenToken(ReelsTestServer.FORBIDDEN_TOKEN);
  }

  /** As {@link #against}, but giving up on a job after 1.5 s: for servers whose jobs never end. */
  public static ContractTestSettings giveUpQuickly(ReelsTestServer server) {
    return against(server).withJobTimeout(Duration.ofMillis(1500));
  }
}
