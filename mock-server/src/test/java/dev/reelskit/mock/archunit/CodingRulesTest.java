package dev.reelskit.mock.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.reelskit.mock.Main;
import org.junit.jupiter.api.Test;

/** STYLE.md rules 9 and 19: only Main touches the console and the process environment. */
class CodingRulesTest {

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
    noClasses().that().resideInAPackage("dev.reelskit.mock.jobs..")
        .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst..")
        .check(MOCK);
  }
}
