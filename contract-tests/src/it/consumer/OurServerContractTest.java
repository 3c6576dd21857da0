import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.suites.ReelsApiContract;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Another team's test, as the README's "Reuse the suites" shows it, against the kit's mock (fast profile). */
class OurServerContractTest extends ReelsApiContract {

  @RegisterExtension
  static final ReelsMockExtension MOCK = ReelsMockExtension.builder().build();

  @Override
  protected ContractTestSettings settings() {
    return ContractTestSettings.builder(MOCK.baseUrl(), MOCK.token())
        .pollInterval(Duration.ofMillis(200))          // optional: defaults are the documented values
        .jobTimeout(Duration.ofSeconds(30))
        .rateLimit(new RateLimit(1000, Duration.ofSeconds(1))) // the server does not limit; with the
                                                       // documented 10/min a 30 s timeout is refused
        .forbiddenToken(System.getenv("REELS_FORBIDDEN_TOKEN")) // null skips RC-AUTH-007
        .errorReelUrl(null)                            // null skips the rule that needs it
        .build();
  }
}
