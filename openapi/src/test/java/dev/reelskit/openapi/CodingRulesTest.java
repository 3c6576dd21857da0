package dev.reelskit.openapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.reelskit.buildrules.KitCodingRules.logbackXmlShippedWith;
import static dev.reelskit.buildrules.KitCodingRules.noInternalTypeInAPublicSignature;
import static dev.reelskit.buildrules.KitCodingRules.noPackageCycles;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersReadTheEnvironment;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersWriteToStandardStreams;
import static dev.reelskit.buildrules.KitCodingRules.shippedClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The ground floor stays a library: no console, no environment, no server or HTTP client. */
class CodingRulesTest {

  private static final JavaClasses SHIPPED = shippedClasses("dev.reelskit.openapi");

  @Test
  void nothing_writes_to_standard_streams() {
    onlyLaunchersWriteToStandardStreams().check(SHIPPED);
  }

  @Test
  void nothing_reads_the_environment() {
    onlyLaunchersReadTheEnvironment().check(SHIPPED);
  }

  @Test
  void knows_nothing_of_wiremock_or_rest_assured() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.tomakehurst..", "wiremock..", "io.restassured..")
        .check(SHIPPED);
  }

  @Test
  void has_no_package_cycles() {
    noPackageCycles("dev.reelskit.openapi").check(SHIPPED);
  }

  @Test
  void shows_no_internal_type_in_a_public_signature() {
    noInternalTypeInAPublicSignature("dev.reelskit.openapi").check(SHIPPED);
  }

  @Test
  void ships_no_logback_xml() throws Exception {
    assertThat(logbackXmlShippedWith(ReelsApiSpec.class)).isEmpty();
  }
}
