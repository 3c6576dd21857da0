package dev.reelskit.mock.specmatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.DocPages;
import dev.reelskit.openapi.ReelsApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The published spec, byte for byte, works in another contract-testing tool: Specmatic (the jar in
 * npm's {@code specmatic} package, run with {@code java -jar}, since the npm wrapper loses the exit
 * status) runs its contract tests against the mock on its defaults, plain and generative, and every
 * test passes. The exit status is the jar's own; the count comes from its summary line, and a run
 * of no test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecmaticContractIT {

  private static final Pattern SUMMARY =
      Pattern.compile(
          "Tests run: (\\d+), Successes: (\\d+), Failures: (\\d+), WIP: (\\d+), Errors: (\\d+)");
  private static final Path WORK = Path.of("target", "specmatic");

  private ReelsMock mock;
  private Path jar;
  private Path spec;

  @BeforeAll
  void install_specmatic_and_start_the_mock() throws Exception {
    RequiredTools.assumeInstalled("npm");
    String version = System.getProperty("specmatic.version");
    assertThat(version).as("the specmatic.version system property (parent pom)").isNotBlank();
    Files.createDirectories(WORK);
    jar = WORK.resolve("node_modules/specmatic/specmatic.jar");
    if (!Files.isRegularFile(jar) || !installed(version)) {
      run(
          List.of(
              "npm",
              "install",
              "--no-save",
              "--no-audit",
              "--no-fund",
              "--prefix",
              WORK.toAbsolutePath().toString(),
              "specmatic@" + version),
          Map.of(),
          10);
    }
    assertThat(jar).isRegularFile();
    spec = WORK.resolve("reels-api.yaml");
    // The published document as packaged: the very bytes of openapi/reels-api.yaml.
    Files.writeString(spec, ReelsApiSpec.get().yaml(), StandardCharsets.UTF_8);
    mock =
        ReelsMock.start(
            MockServerSettings.builder().port(0).build(), MockClock.frozenAt(Instant.EPOCH));
  }

  @AfterAll
  void stop() {
    if (mock != null) {
      mock.close();
    }
  }

  @Test
  void the_published_spec_passes_specmatics_contract_tests_against_the_mock() throws Exception {
    Summary s = specmatic("plain", Map.of());

    assertThat(s.run()).as("tests Specmatic ran").isGreaterThanOrEqualTo(12);
    assertThat(s.failures() + s.errors()).as(s.output()).isZero();
    assertThat(s.exit()).as(s.output()).isZero();
  }

  @Test
  void the_published_spec_passes_specmatics_generative_tests_against_the_mock() throws Exception {
    Summary s = specmatic("generative", Map.of("SPECMATIC_GENERATIVE_TESTS", "true"));

    assertThat(s.run()).as("tests Specmatic ran").isGreaterThanOrEqualTo(30);
    int false_ = specmaticsValidInvalidUrls(Files.readString(WORK.resolve("generative.log")));
    assertThat(s.failures() + s.errors() - false_).as(s.output()).isZero();
    if (false_ == 0) {
      assertThat(s.exit()).as(s.output()).isZero();
    }
  }

  private static final Pattern INVALID_REGEX =
      Pattern.compile("set to a value matching an invalid regex '(.*)_\\$' has FAILED");
  private static final Pattern BODY_URL = Pattern.compile("\"url\": \"([^\"]*)\"");

  /**
   * Specmatic's "invalid" URL for a pattern is a random string of the pattern with {@code _}
   * appended; the spec's pattern ends in a query that may hold {@code _}, so now and then the
   * string it sends is a valid URL, the mock rightly answers 202, and Specmatic counts a failure.
   * Those scenarios (the URL sent matches the spec's own pattern) are counted here, and only those.
   */
  static int specmaticsValidInvalidUrls(String log) {
    int count = 0;
    for (String block : log.split("\n-{20}\n")) {
      Matcher scenario = INVALID_REGEX.matcher(block);
      Matcher url = BODY_URL.matcher(block);
      if (scenario.find()
          && url.find()
          && block.contains("202 Accepted")
          && Pattern.matches(scenario.group(1) + "$", url.group(1))) {
        count++;
      }
    }
    return count;
  }

  private record Summary(int exit, int run, int failures, int errors, String output) {}

  private Summary specmatic(String name, Map<String, String> env) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    // Specmatic reads a Bearer token from a variable named after the security scheme.
    all.put("bearerAuth", DocPages.get().exampleToken());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Result r =
        run(
            List.of(
                java,
                "-jar",
                jar.toAbsolutePath().toString(),
                "test",
                spec.toAbsolutePath().toString(),
                "--testBaseURL=" + mock.baseUrl(),
                "--junitReportDir=" + WORK.resolve("junit-" + name).toAbsolutePath()),
            all,
            5);
    Files.writeString(WORK.resolve(name + ".log"), r.output(), StandardCharsets.UTF_8);
    Matcher m = SUMMARY.matcher(r.output());
    assertThat(m.find()).as("Specmatic's summary line in:\n" + tail(r.output())).isTrue();
    Summary s =
        new Summary(
            r.exit(),
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(5)),
            tail(r.output()));
    // The count, for the build log (failsafe keeps it in the test's output file).
    System.out.println("Specmatic " + name + ": " + m.group() + ", exit " + r.exit());
    return s;
  }

  private boolean installed(String version) throws IOException {
    Path pkg = WORK.resolve("node_modules/specmatic/package.json");
    return Files.isRegularFile(pkg)
        && Files.readString(pkg).contains("\"version\": \"" + version + "\"");
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> env, int minutes)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    Path log = Files.createTempFile(WORK, "run", ".log");
    Thread drain =
        new Thread(
            () -> {
              try (var in = p.getInputStream()) {
                Files.copy(in, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
              } catch (IOException ignored) {
                // the process is gone
              }
            });
    drain.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish in " + minutes + " minutes");
    }
    drain.join(10_000);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(p.exitValue(), output);
  }

  private static String tail(String output) {
    return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
  }
}
