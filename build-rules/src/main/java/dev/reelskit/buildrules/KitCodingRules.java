package dev.reelskit.buildrules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The house-style rules every module of the kit checks on its shipped classes (STYLE.md 3, 9 and
 * 19), in one place so the modules cannot drift apart: every other module depends on this one at
 * test scope.
 */
public final class KitCodingRules {

  private KitCodingRules() {}

  /** The shipped (non-test) classes under a module's root package. */
  public static JavaClasses shippedClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage);
  }

  /** STYLE.md 19: only the launchers (none for a library) write to the JVM's standard streams. */
  public static ArchRule onlyLaunchersWriteToStandardStreams(Class<?>... launchers) {
    return noClasses().that(notOneOf(launchers)).should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
  }

  /** STYLE.md 9: only the launchers (none for a library) read the environment and properties. */
  public static ArchRule onlyLaunchersReadTheEnvironment(Class<?>... launchers) {
    return noClasses()
        .that(notOneOf(launchers))
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class, String.class)
        .orShould()
        .callMethod(System.class, "getProperties");
  }

  /**
   * STYLE.md 3: outside {@code <rootPackage>.internal}, a public class must be on the module's API
   * list; a nested public type is API when its outermost class is.
   */
  public static ArchRule onlyTheListedApiIsPublic(String rootPackage, Set<String> api) {
    String internal = rootPackage + ".internal";
    return classes()
        .that()
        .arePublic()
        .and()
        .resideOutsideOfPackage(internal + "..")
        .should(
            new ArchCondition<JavaClass>("be on the API list") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                if (!api.contains(topLevel(item))) {
                  events.add(
                      SimpleConditionEvent.violated(
                          item,
                          item.getName()
                              + " is public but not on the API list (STYLE.md 3): make it"
                              + " package-private or move it under "
                              + internal));
                }
              }
            });
  }

  /**
   * STYLE.md 19: the module's own classes or jar hold no {@code logback.xml}, which would take over
   * the logging of a build that embeds it; launchers name their configuration file instead.
   */
  public static List<URL> logbackXmlShippedWith(Class<?> moduleClass) throws IOException {
    String ours = moduleClass.getProtectionDomain().getCodeSource().getLocation().toString();
    return Collections.list(moduleClass.getClassLoader().getResources("logback.xml")).stream()
        .filter(url -> url.toString().contains(ours))
        .collect(Collectors.toList());
  }

  /**
   * No cycles between the module's packages: each package is a slice, the root package itself (home
   * of the facade and {@code Main}, where cycles like to hide) included.
   */
  public static ArchRule noPackageCycles(String rootPackage) {
    String parent = rootPackage.substring(0, rootPackage.lastIndexOf('.'));
    return slices().matching(parent + ".(**)").should().beFreeOfCycles();
  }

  /**
   * STYLE.md 3: a public type outside {@code <rootPackage>.internal} shows no internal type in its
   * public or protected fields, method and constructor signatures or supertypes.
   */
  public static ArchRule noInternalTypeInAPublicSignature(String rootPackage) {
    String internal = rootPackage + ".internal";
    return classes()
        .that()
        .arePublic()
        .and()
        .resideOutsideOfPackage(internal + "..")
        .should(
            new ArchCondition<JavaClass>("show no internal type in a public signature") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                Stream.<Stream<JavaClass>>of(
                        item.getRawSuperclass().stream(),
                        item.getRawInterfaces().stream(),
                        item.getFields().stream()
                            .filter(KitCodingRules::visible)
                            .map(f -> f.getRawType()),
                        item.getCodeUnits().stream()
                            .filter(KitCodingRules::visible)
                            .flatMap(
                                m ->
                                    Stream.concat(
                                        m.getRawParameterTypes().stream(),
                                        Stream.of(m.getRawReturnType()))))
                    .flatMap(t -> t)
                    .filter(t -> t.getPackageName().startsWith(internal))
                    .distinct()
                    .forEach(
                        t ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    item,
                                    item.getName()
                                        + " shows the internal type "
                                        + t.getName()
                                        + " in a public signature")));
              }
            });
  }

  private static boolean visible(JavaMember member) {
    Set<JavaModifier> m = member.getModifiers();
    return m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED);
  }

  private static DescribedPredicate<JavaClass> notOneOf(Class<?>... launchers) {
    return DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(launchers));
  }

  private static String topLevel(JavaClass item) {
    String name = item.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
