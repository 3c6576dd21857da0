package dev.reelskit.mock.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.reelskit.mock.Main;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md rules 3, 9 and 19: a small public surface; only Main touches the console and the process
 * environment.
 */
class CodingRulesTest {

  /**
   * The mock's API: what a user of the jar or the library calls, and the types its signatures
   * show. Adding a name here is a compatibility promise; everything else is package-private or
   * under {@code dev.reelskit.mock.internal}.
   */
  private static final Set<String> PUBLIC_API = Set.of(
      "dev.reelskit.mock.Main",
      "dev.reelskit.mock.ReelsMock",
      "dev.reelskit.mock.MockServerSettings",
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
      "dev.reelskit.mock.conformance.ClientRules",
      "dev.reelskit.mock.conformance.ClientRun",
      "dev.reelskit.mock.conformance.ClientViolation",
      "dev.reelskit.mock.conformance.TrafficEntry",
      "dev.reelskit.mock.conformance.TrafficLog");

  private static final JavaClasses MOCK = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.reelskit.mock");

  @Test
  void only_main_writes_to_stdout_or_stderr() {
    noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(MOCK);
  }

  @Test
  void only_main_reads_the_environment_and_system_properties() {
    noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class)
        .orShould().callMethod(System.class, "getProperties")
        .check(MOCK);
  }

  @Test
  void the_job_engine_knows_nothing_of_wiremock() {
    noClasses().that()
        .resideInAnyPackage("dev.reelskit.mock.jobs..", "dev.reelskit.mock.internal.jobs..")
        .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst..")
        .check(MOCK);
  }

  @Test
  void only_the_listed_api_is_public_outside_internal() {
    classes().that().arePublic().and().resideOutsideOfPackage("dev.reelskit.mock.internal..")
        .should(new ArchCondition<JavaClass>("be on the API list") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            if (!PUBLIC_API.contains(topLevel(item))) {
              events.add(SimpleConditionEvent.violated(item,
                  item.getName() + " is public but not on the API list (STYLE.md 3): make it"
                      + " package-private or move it under dev.reelskit.mock.internal"));
            }
          }
        })
        .check(MOCK);
  }

  /** A nested public type (ReelsMockExtension.Builder) is API when its outermost class is. */
  private static String topLevel(JavaClass item) {
    String name = item.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
