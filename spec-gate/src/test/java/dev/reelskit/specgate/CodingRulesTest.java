package dev.reelskit.specgate;

import static dev.reelskit.buildrules.KitCodingRules.noPackageCycles;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersReadTheEnvironment;
import static dev.reelskit.buildrules.KitCodingRules.onlyLaunchersWriteToStandardStreams;
import static dev.reelskit.buildrules.KitCodingRules.shippedClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The gate is a library with one launcher: only CompareMain touches the console. */
class CodingRulesTest {

  private static final JavaClasses SHIPPED = shippedClasses("dev.reelskit.specgate");

  @Test
  void only_compare_main_writes_to_standard_streams() {
    onlyLaunchersWriteToStandardStreams(CompareMain.class).check(SHIPPED);
  }

  @Test
  void nothing_reads_the_environment() {
    onlyLaunchersReadTheEnvironment().check(SHIPPED);
  }

  @Test
  void has_no_package_cycles() {
    noPackageCycles("dev.reelskit.specgate").check(SHIPPED);
  }
}
