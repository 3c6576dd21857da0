package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar reels-contract-tests.jar} as a user starts it, with the test tokens in its
 * environment; records exit code, output, wall time and the peak resident memory of the process and
 * its child JVM (the jar runs the suite in one, see FastStart).
 */
final class JarRun {

  static final Path JAR = Path.of("target", "reels-contract-tests.jar");

  record Result(int code, String stdout, String stderr, long millis, long peakRssKb) {
    String output() {
      return stdout + stderr;
    }
  }

  private JarRun() {}

  static Result run(Path dir, long limitSeconds, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    builder.environment().put("REELS_TOKEN", ReelsTestServer.TOKEN);
    builder.environment().put("REELS_FORBIDDEN_TOKEN", ReelsTestServer.FORBIDDEN_TOKEN);
    long start = System.nanoTime();
    Process process = builder.start();
    long peak = 0;
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
      // The jar runs the suite in a child JVM (FastStart): the tree's peaks, summed.
      long tree = highWaterMarkKb(status);
      for (ProcessHandle child : process.descendants().toList()) {
        tree += highWaterMarkKb(Path.of("/proc", String.valueOf(child.pid()), "status"));
      }
      peak = Math.max(peak, tree);
      if ((System.nanoTime() - start) / 1_000_000_000 > limitSeconds) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "the jar did not finish within "
                + limitSeconds
                + " s:\n"
                + Files.readString(dir.resolve("stdout"))
                + Files.readString(dir.resolve("stderr")));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(dir.resolve("stdout")),
            Files.readString(dir.resolve("stderr")),
            millis,
            peak);
    assertThat(result.output())
        .doesNotContain(ReelsTestServer.TOKEN, ReelsTestServer.FORBIDDEN_TOKEN);
    return result;
  }

  /**
   * VmHWM, the peak resident set so far, in kB; 0 where /proc is not there or the process ended.
   */
  private static long highWaterMarkKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone already, or no /proc
    }
    return 0;
  }
}
