package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, started with {@code java -jar} as users start it. */
class ContractJarIT {

  private static final Path JAR = Path.of("target", "reels-contract-tests.jar");

  @TempDir Path dir;

  private record Result(int code, String stdout, String stderr, long millis) {}

  private Result runJar(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    builder.environment().remove("REELS_TOKEN");
    builder.environment().put("REELS_TOKEN", ReelsTestServer.TOKEN);
    builder.environment().put("REELS_FORBIDDEN_TOKEN", ReelsTestServer.FORBIDDEN_TOKEN);
    long start = System.nanoTime();
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the jar finished within 60 s").isTrue();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Result(
        process.exitValue(),
        Files.readString(dir.resolve("stdout")),
        Files.readString(dir.resolve("stderr")),
        millis);
  }

  private String[] fast(String baseUrl) {
    return new String[] {
      "--base-url",
      baseUrl,
      "--poll-interval",
      "50ms",
      "--job-timeout",
      "2s",
      "--rate-limit",
      "1000/1s",
      "--reports-dir",
      dir.resolve("reports").toString()
    };
  }

  @Test
  void a_correct_server_exits_0_in_well_under_30_seconds() throws Exception {
    Result result;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      result = runJar(fast(server.baseUrl()));
    }
    System.out.println(result.stdout());
    System.out.println("the whole jar run took " + result.millis() + " ms");

    assertThat(result.code()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout()).contains("Summary", "job ", "exit code 0");
    assertThat(result.millis()).isLessThan(30_000);
    assertThat(result.stdout()).containsPattern("PASS +RC-AUTH-007");
    assertThat(result.stdout() + result.stderr() + reports())
        .doesNotContain(ReelsTestServer.TOKEN)
        .doesNotContain(ReelsTestServer.FORBIDDEN_TOKEN);
  }

  @Test
  void a_broken_server_exits_1_naming_the_rule() throws Exception {
    Result result;
    try (ReelsTestServer server = ReelsTestServer.start(Defect.NOT_FOUND_AS_HTML)) {
      result = runJar(fast(server.baseUrl()));
    }

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.stdout()).contains("FAIL  RC-READ-007", "Authorization: Bearer ****6Fj1");
    assertThat(result.stdout() + result.stderr() + reports()).doesNotContain(ReelsTestServer.TOKEN);
  }

  @Test
  void an_unreachable_server_exits_2() throws Exception {
    String url;
    try (ReelsTestServer server = ReelsTestServer.start(ReelsTestServer.Options.liberal())) {
      url = server.baseUrl();
    }

    assertThat(runJar(fast(url)).code()).isEqualTo(2);
  }

  @Test
  void a_bad_flag_exits_64() throws Exception {
    Result result = runJar("--base-url", "http://127.0.0.1:1", "--token", ReelsTestServer.TOKEN);

    assertThat(result.code()).isEqualTo(64);
    assertThat(result.stderr()).contains("Unknown option").doesNotContain(ReelsTestServer.TOKEN);
  }

  private String reports() throws IOException {
    Path reports = dir.resolve("reports");
    if (!Files.isDirectory(reports)) {
      return "";
    }
    try (Stream<Path> files = Files.list(reports)) {
      StringBuilder all = new StringBuilder();
      for (Path p : files.toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8));
      }
      return all.toString();
    }
  }
}
