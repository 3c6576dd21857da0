package dev.reelskit.contract.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
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
  private static final Set<String> PUBLIC_API = Set.of(
      "dev.reelskit.contract.Main",
      "dev.reelskit.contract.suites.ReelsApiContract",
      "dev.reelskit.contract.cli.ContractTestSettings",
      "dev.reelskit.contract.cli.RateLimit",
      "dev.reelskit.contract.rules.ContractViolation",
      "dev.reelskit.contract.rules.ContractConfigurationException",
      "dev.reelskit.contract.rules.Rule");

  private static final JavaClasses SHIPPED = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.reelskit.contract");

  @Test
  void only_main_writes_to_standard_streams() {
    noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .check(SHIPPED);
  }

  @Test
  void only_main_reads_the_environment_and_system_properties() {
    noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class)
        .orShould().callMethod(System.class, "getProperties")
        .check(SHIPPED);
  }

  @Test
  void only_the_listed_api_is_public_outside_internal() {
    classes().that().arePublic().and().resideOutsideOfPackage("dev.reelskit.contract.internal..")
        .should(new ArchCondition<JavaClass>("be on the API list") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            if (!PUBLIC_API.contains(topLevel(item))) {
              events.add(SimpleConditionEvent.violated(item,
                  item.getName() + " is public but not on the API list (STYLE.md 3): make it"
                      + " package-private or move it under dev.reelskit.contract.internal"));
            }
          }
        })
        .check(SHIPPED);
  }

  /** A nested public type is API when its outermost class is. */
  private static String topLevel(JavaClass item) {
    String name = item.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
