package dev.reelskit.mock.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.reelskit.buildrules.KitCodingRules.logbackXmlShippedWith;
import static dev.reelskit.buildrules.KitCodingRules.noInternalTypeInAPublicSignature;
import static dev.reelskit.buildrules.KitCodingRules.noPackageCycles;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersReadTheEnvironment;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersWriteToStandardStreams;
import static dev.reelskit.buildrules.KitCodingRules.onlyTheListedApiIsPublic;
import static dev.reelskit.buildrules.KitCodingRules.shippedClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.reelskit.mock.internal.launch.Main;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md rules 3, 9 and 19: a small public surface; only Main touches the console and the process
 * environment.
 */
class CodingRulesTest {

  /**
   * The mock's API: what a user of the jar or the library calls, and the types its signatures show.
   * Adding a name here is a compatibility promise; everything else is package-private or under
   * {@code dev.reelskit.mock.internal}.
   */
  private static final Set<String> PUBLIC_API =
      Set.of(
          "dev.reelskit.mock.ReelsMock",
          "dev.reelskit.mock.ReelsTenant",
          "dev.reelskit.mock.settings.MockServerSettings",
          "dev.reelskit.mock.settings.SecuritySettings",
          "dev.reelskit.mock.settings.JobStoreSettings",
          "dev.reelskit.mock.settings.Latency",
          "dev.reelskit.mock.settings.Readings",
          "dev.reelskit.mock.junit5.ReelsMockExtension",
          "dev.reelskit.mock.jobs.TimingProfile",
          "dev.reelskit.mock.jobs.JobTiming",
          "dev.reelskit.mock.jobs.MockClock",
          "dev.reelskit.mock.conformance.ClientCheck",
          "dev.reelskit.mock.conformance.ClientCommand",
          "dev.reelskit.mock.conformance.ClientCommandException",
          "dev.reelskit.mock.conformance.ClientConformance",
          "dev.reelskit.mock.conformance.ClientConformanceReport",
          "dev.reelskit.mock.conformance.ClientRule",
          "dev.reelskit.mock.conformance.ClientRuleResult",
          "dev.reelskit.mock.conformance.ClientRuleSettings",
          "dev.reelskit.mock.conformance.RetryAdvice",
          "dev.reelskit.mock.conformance.Severity",
          "dev.reelskit.mock.conformance.ClientRules",
          "dev.reelskit.mock.conformance.ClientRun",
          "dev.reelskit.mock.conformance.ClientViolation",
          "dev.reelskit.mock.conformance.TrafficEntry",
          "dev.reelskit.mock.conformance.TrafficLog");

  private static final JavaClasses MOCK = shippedClasses("dev.reelskit.mock");

  @Test
  void only_main_writes_to_stdout_or_stderr() {
    onlyLaunchersWriteToStandardStreams(Main.class).check(MOCK);
  }

  @Test
  void only_main_reads_the_environment_and_system_properties() {
    onlyLaunchersReadTheEnvironment(Main.class).check(MOCK);
  }

  @Test
  void the_job_engine_knows_nothing_of_wiremock() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.reelskit.mock.jobs..", "dev.reelskit.mock.internal.jobs..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.tomakehurst..")
        .check(MOCK);
  }

  @Test
  void only_the_listed_api_is_public_outside_internal() {
    onlyTheListedApiIsPublic("dev.reelskit.mock", PUBLIC_API).check(MOCK);
  }

  @Test
  void has_no_package_cycles() {
    noPackageCycles("dev.reelskit.mock").check(MOCK);
  }

  @Test
  void shows_no_internal_type_in_a_public_signature() {
    noInternalTypeInAPublicSignature("dev.reelskit.mock").check(MOCK);
  }

  @Test
  void ships_no_logback_xml_that_would_take_over_an_embedding_builds_logging() throws Exception {
    assertThat(logbackXmlShippedWith(Main.class)).isEmpty();
  }
}
