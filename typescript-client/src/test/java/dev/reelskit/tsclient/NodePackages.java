package dev.reelskit.tsclient;

import static org.junit.jupiter.api.Assertions.fail;

import dev.reelskit.buildrules.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm tarballs this module packs ({@code target/<name>-<version>.tgz}), installed with {@code
 * npm install} into an empty folder as a user installs them, and their commands run as a user runs
 * them. Skipped with the reason without node and npm; under CI=true a missing tool fails.
 */
final class NodePackages {

  static final Path TARGET = Path.of("target");

  private NodePackages() {}

  /**
   * Skipped with the reason under {@code -Dreels.typescript.skip} or without node and npm; under
   * {@code CI=true} a missing tool fails instead ({@link RequiredTools}, the kit's one decision).
   */
  static void requireNodeAndNpm() {
    Assumptions.assumeFalse(
        Boolean.getBoolean("reels.typescript.skip"),
        "-Dreels.typescript.skip: the npm packages were not built, so they are not tested");
    RequiredTools.assumeInstalled("node", "npm");
  }

  /** The one {@code <name>-<version>.tgz} this module packed. */
  static Path tarball(String name) throws IOException {
    try (Stream<Path> files = Files.exists(TARGET) ? Files.list(TARGET) : Stream.empty()) {
      List<Path> found =
          files.filter(p -> p.getFileName().toString().matches(name + "-\\d.*\\.tgz")).toList();
      if (found.size() != 1) {
        fail(
            "expected one "
                + name
                + "-<version>.tgz in "
                + TARGET.toAbsolutePath()
                + " (built by this module's package phase), found "
                + found);
      }
      return found.get(0).toAbsolutePath();
    }
  }

  /**
   * A page's install command run as shown, {@code npm install ./<name>-<version>.tgz}, in {@code
   * folder} (empty, no package.json) with the tarball beside it: the page's version is replaced by
   * the packed one.
   */
  static void installAsShown(String shown, Path tarball, Path folder)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    String file = tarball.getFileName().toString();
    Files.copy(tarball, folder.resolve(file));
    String command = shown.replaceAll("\\./[a-z-]+-[0-9][^ ]*\\.tgz", "./" + file);
    run(
        folder,
        Map.of(),
        Duration.ofMinutes(4),
        "bash",
        "-c",
        command + " --no-audit --no-fund --loglevel=error");
  }

  /** {@code npm install <tarball>} into {@code folder}, an empty folder with no package.json. */
  static void install(Path tarball, Path folder) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    run(
        folder,
        Map.of(),
        Duration.ofMinutes(4),
        "npm",
        "install",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        tarball.toString());
  }

  /** Runs a command to its end; its output, or a failure with it. */
  static String run(Path dir, Map<String, String> env, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Result r = runForResult(dir, env, timeout, command);
    if (r.exit() != 0) {
      fail(String.join(" ", command) + " exited " + r.exit() + ":\n" + r.output());
    }
    return r.output();
  }

  record Result(int exit, String output) {}

  static Result runForResult(Path dir, Map<String, String> env, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("reels-npm-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      destroyTree(process);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    if (!finished) {
      fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + out);
    }
    return new Result(process.exitValue(), out);
  }

  static void destroyTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }
}
