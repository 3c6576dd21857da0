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
 * reel URLs are the mock's conventions). Only the listed tokens are known, so any other well-formed
 * token is unknown to the server and RC-AUTH-004 runs instead of being skipped; one more token is
 * known but lacks the permission, so RC-AUTH-007 runs too.
 */
class ReelsMockContractTest extends ReelsApiContract {

  private static final String TOKEN = ReelsMock.DEFAULT_TEST_TOKEN;
  private static final String FORBIDDEN_TOKEN = "ist_noPermissionToken0987654321wxyz";

  @RegisterExtension
  static final ReelsMockExtension MOCK =
      ReelsMockExtension.builder().tokens(Set.of(TOKEN), Set.of(), Set.of(FORBIDDEN_TOKEN)).build();

  @Override
  protected ContractTestSettings settings() {
    return ContractTestSettings.builder(MOCK.baseUrl(), TOKEN)
        .pollInterval(Duration.ofMillis(20))
        .jobTimeout(Duration.ofSeconds(10))
        .rateLimit(new RateLimit(1000, Duration.ofSeconds(1)))
        .unknownToken("ist_someoneElsesToken1234567890abcd")
        .forbiddenToken(FORBIDDEN_TOKEN)
        .build();
  }
}
