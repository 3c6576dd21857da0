package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another team's build on an older JUnit 5: the consumer test of {@code src/it/consumer} (the
 * README's "Reuse the suites" example, against the kit's mock in its fast profile) is compiled and
 * run with JUnit Jupiter 5.10.3 / Platform 1.10.3 (copied to {@code target/junit-5.10} by the
 * build) in place of this build's JUnit, beside the suites' classes and their other runtime
 * dependencies. Proves the library needs nothing newer from JUnit than the consumer brings.
 */
class OlderJUnitConsumerIT {

  @TempDir Path dir;

  @Test
  void a_consumer_on_junit_5_10_extending_the_suite_against_the_mock_is_green() throws Exception {
    List<String> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (!name.matches("(junit-jupiter|junit-platform|archunit|surefire|failsafe|opentest4j).*")) {
        classpath.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(Path.of("target", "junit-5.10"))) {
      jars.map(Path::toString).forEach(classpath::add);
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String cp = String.join(File.pathSeparator, classpath);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", cp));
    try (Stream<Path> sources = Files.list(Path.of("src", "it", "consumer"))) {
      sources.map(Path::toString).forEach(args::add);
    }
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();

    ProcessBuilder consumer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes + File.pathSeparator + cp,
                "RunConsumer")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out").toFile());
    // The example reads the token without permission from the environment: unset, RC-AUTH-007
    // skips.
    consumer.environment().remove("REELS_FORBIDDEN_TOKEN");
    Process process = consumer.start();
    boolean ended = process.waitFor(300, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String out = Files.readString(dir.resolve("out"));
    System.out.println(
        out.lines()
            .filter(l -> l.contains("JUnit") || l.contains("tests"))
            .reduce((a, b) -> a + "\n" + b)
            .orElse(""));

    assertThat(ended).as(out).isTrue();
    assertThat(out).contains("JUnit Jupiter 5.10.3, Platform 1.10.3");
    assertThat(process.exitValue()).as(out).isZero();
    // Every rule's test ran: 35 in all (RC-CREATE-001 once per URL form, RC-CREATE-005 once per
    // non-Instagram URL). Four are skipped with their reason, as JUnit's "aborted": RC-AUTH-004 (no
    // unknown token), RC-AUTH-007 (no token without permission), RC-ERR-001 (no error reel URL)
    // and RC-RATE-001 (the mock's fast profile sends no 429).
    assertThat(count(out, "tests found")).as(out).isEqualTo(35);
    assertThat(count(out, "tests successful")).as(out).isEqualTo(31);
    assertThat(count(out, "tests aborted")).as(out).isEqualTo(4);
    assertThat(count(out, "tests failed")).as(out).isZero();
    assertThat(count(out, "tests skipped")).as(out).isZero();
  }

  /** The number on the summary line that names {@code what}, e.g. "[ 35 tests found ]". */
  private static long count(String out, String what) {
    return Arrays.stream(out.split("\n"))
        .filter(l -> l.contains(what))
        .findFirst()
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .orElseThrow(() -> new AssertionError("no \"" + what + "\" line in:\n" + out));
  }
}
