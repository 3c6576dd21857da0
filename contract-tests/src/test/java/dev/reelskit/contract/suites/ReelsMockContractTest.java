package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped suite against the kit's own mock, on its defaults for tests (fast profile, limits
 * off): every rule must hold, the error and server-error rules included (the suite's default magic
 * reel URLs are the mock's conventions). Only the one token is valid, so any other well-formed token
 * is unknown to the server and RC-AUTH-004 runs instead of being skipped.
 */
class ReelsMockContractTest extends ReelsApiContract {

  private static final String TOKEN = ReelsMock.DEFAULT_TEST_TOKEN;

  @RegisterExtension
  static final ReelsMockExtension MOCK =
      ReelsMockExtension.builder().tokens(Set.of(TOKEN), Set.of(), Set.of()).build();

  @Override
  protected ContractTestSettings settings() {
    return ContractTestSettings.forTarget(MOCK.baseUrl(), TOKEN)
        .withPollInterval(Duration.ofMillis(20))
        .withJobTimeout(Duration.ofSeconds(10))
        .withRateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
        .withUnknownToken("ist_someoneElsesToken1234567890abcd");
  }
}
