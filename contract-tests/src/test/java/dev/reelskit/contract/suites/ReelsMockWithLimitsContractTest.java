package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped suite against the mock enforcing the documented limits (10 requests a minute, 3
 * unfinished jobs per token), with the mock's minute shrunk to one real second by a time scale of
 * 60. The suite's own budget is deliberately looser than the server's limit, so it meets real 429s
 * and must wait out their Retry-After and carry on without failing a rule.
 */
class ReelsMockWithLimitsContractTest extends ReelsApiContract {

  /** Known to the mock but without permission: 403, answered before the rate limit counts it. */
  private static final String FORBIDDEN_TOKEN = "ist_noPermissionToken0987654321wxyz";

  @RegisterExtension
  static final ReelsMockExtension MOCK =
      ReelsMockExtension.builder()
          .rateLimit(true)
          .timeScale(60)
          .tokens(Set.of(ReelsMock.DEFAULT_TEST_TOKEN), Set.of(), Set.of(FORBIDDEN_TOKEN))
          .build();

  @Override
  protected ContractTestSettings settings() {
    return ContractTestSettings.builder(MOCK.baseUrl(), ReelsMock.DEFAULT_TEST_TOKEN)
        .pollInterval(Duration.ofMillis(50))
        .jobTimeout(Duration.ofSeconds(20))
        .rateLimit(new RateLimit(15, Duration.ofSeconds(1)))
        .unknownToken("ist_someoneElsesToken1234567890abcd")
        .forbiddenToken(FORBIDDEN_TOKEN)
        .build();
  }
}
