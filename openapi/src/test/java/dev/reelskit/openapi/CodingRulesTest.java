package dev.reelskit.openapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.reelskit.openapi.archunit.KitCodingRules.onlyLaunchersReadTheEnvironment;
import static dev.reelskit.openapi.archunit.KitCodingRules.onlyLaunchersWriteToStandardStreams;
import static dev.reelskit.openapi.archunit.KitCodingRules.shippedClasses;

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
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("com.github.tomakehurst..", "wiremock..", "io.restassured..")
        .check(SHIPPED);
  }
}
