package dev.reelskit.contract.arch;

import static dev.reelskit.buildrules.KitCodingRules.logbackXmlShippedWith;
import static dev.reelskit.buildrules.KitCodingRules.noInternalTypeInAPublicSignature;
import static dev.reelskit.buildrules.KitCodingRules.noPackageCycles;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersReadTheEnvironment;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersWriteToStandardStreams;
import static dev.reelskit.buildrules.KitCodingRules.onlyTheListedApiIsPublic;
import static dev.reelskit.buildrules.KitCodingRules.shippedClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.reelskit.contract.Main;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md 3, 9 and 19: a small public surface; only Main reads the environment and writes to the
 * JVM's streams.
 */
class CodingRulesTest {

  /**
   * The suites' API: what a user of the jar or the library calls, and the types its signatures
   * show. Adding a name here is a compatibility promise; everything else is package-private or
   * under {@code dev.reelskit.contract.internal}.
   */
  private static final Set<String> PUBLIC_API =
      Set.of(
          "dev.reelskit.contract.Main",
          "dev.reelskit.contract.suites.ReelsApiContract",
          "dev.reelskit.contract.cli.ContractTestSettings",
          "dev.reelskit.contract.cli.RateLimit",
          "dev.reelskit.contract.rules.ContractViolation",
          "dev.reelskit.contract.rules.Evidence",
          "dev.reelskit.contract.rules.ContractConfigurationException",
          "dev.reelskit.contract.rules.Rule");

  private static final JavaClasses SHIPPED = shippedClasses("dev.reelskit.contract");

  @Test
  void only_main_writes_to_standard_streams() {
    onlyLaunchersWriteToStandardStreams(Main.class).check(SHIPPED);
  }

  @Test
  void only_main_reads_the_environment_and_system_properties() {
    onlyLaunchersReadTheEnvironment(Main.class).check(SHIPPED);
  }

  @Test
  void only_the_listed_api_is_public_outside_internal() {
    onlyTheListedApiIsPublic("dev.reelskit.contract", PUBLIC_API).check(SHIPPED);
  }

  @Test
  void has_no_package_cycles() {
    noPackageCycles("dev.reelskit.contract").check(SHIPPED);
  }

  @Test
  void shows_no_internal_type_in_a_public_signature() {
    noInternalTypeInAPublicSignature("dev.reelskit.contract").check(SHIPPED);
  }

  @Test
  void ships_no_logback_xml_that_would_take_over_an_embedding_builds_logging() throws Exception {
    assertThat(logbackXmlShippedWith(Main.class)).isEmpty();
  }
}
