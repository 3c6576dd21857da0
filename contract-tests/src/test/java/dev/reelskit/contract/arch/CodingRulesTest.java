package dev.reelskit.contract.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.reelskit.contract.Main;
import org.junit.jupiter.api.Test;

/** STYLE.md 9 and 19: only Main reads the environment and writes to the JVM's streams. */
class CodingRulesTest {

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
}
