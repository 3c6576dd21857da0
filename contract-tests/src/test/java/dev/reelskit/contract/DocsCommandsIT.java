package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.settings.MockServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java -jar reels-contract-tests.jar} command of docs/contract-suite.md, run as
 * written with the {@code export}s above it, against the mock on its {@code java -jar} defaults
 * (which also knows the docs' token without permission). The docs' base URLs, the local one and the
 * real server's (unreachable from the build), both point at that mock: the command lines
 * themselves, their flags and environment, are what is checked. Each must exit 0 with the budget
 * the mock announces.
 */
class DocsCommandsIT {

  private static final Path DOC = Path.of("..", "docs", "contract-suite.md");
  private static final String JAR = "contract-tests/target/reels-contract-tests.jar";

  @TempDir Path dir;

  @Test
  void every_jar_command_in_the_contract_suite_page_runs_green_against_the_mock() throws Exception {
    Map<String, String> env = new HashMap<>();
    List<String> commands = new ArrayList<>();
    boolean bash = false;
    StringBuilder line = new StringBuilder();
    for (String raw : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      if (raw.startsWith("```")) {
        bash = raw.equals("```bash");
        continue;
      }
      if (!bash) {
        continue;
      }
      String text = raw.replaceAll("\\s+#.*$", "").strip();
      if (text.endsWith("\\")) {
        line.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      line.append(text);
      String logical = line.toString().strip();
      line.setLength(0);
      if (logical.startsWith("export ")) {
        String[] kv = logical.substring(7).split("=", 2);
        env.put(kv[0], kv[1]);
      } else if (logical.contains("java -jar " + JAR)) {
        commands.add(logical);
      }
    }
    assertThat(commands).as("jar commands in " + DOC).hasSizeGreaterThanOrEqualTo(3);
    assertThat(env).containsKeys("REELS_TOKEN", "REELS_FORBIDDEN_TOKEN");

    MockServerSettings defaults =
        MockServerSettings.builder()
            .port(0)
            .tokens(Set.of(), Set.of(), Set.of(env.get("REELS_FORBIDDEN_TOKEN")))
            .build();
    try (ReelsMock mock = ReelsMock.start(defaults)) {
      for (String command : commands) {
        run(command, env, mock.baseUrl());
      }
    }
  }

  private void run(String command, Map<String, String> exported, String mockUrl) throws Exception {
    Path cwd = Files.createTempDirectory(dir, "run");
    List<String> words =
        new ArrayList<>(
            Arrays.asList(
                command
                    .replace("http://127.0.0.1:8089", mockUrl)
                    .replace("https://api.instatollm.com", mockUrl)
                    .split("\\s+")));
    Map<String, String> env = new HashMap<>(exported);
    while (words.get(0).matches("[A-Z_]+=.*")) {
      String[] kv = words.remove(0).split("=", 2);
      env.put(kv[0], kv[1]);
    }
    assertThat(words.subList(0, 3)).containsExactly("java", "-jar", JAR);
    words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    words.set(2, Path.of("target", "reels-contract-tests.jar").toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(words)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(cwd.resolve("out.txt").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("REELS_") || k.startsWith("GITHUB_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String out = Files.readString(cwd.resolve("out.txt"));
    assertThat(ended).as(command + "\n" + out).isTrue();
    assertThat(process.exitValue()).as(command + "\n" + out).isZero();
    assertThat(out.lines().skip(1).findFirst().orElse(""))
        .as(command)
        .startsWith("reels-contract-tests: budget unlimited");
    assertThat(out).doesNotContain(env.get("REELS_TOKEN").substring(4));
    assertThat(cwd.resolve("contract-reports").resolve("TEST-reels-contract.xml")).exists();
    if (env.containsKey("GITHUB_STEP_SUMMARY")) {
      assertThat(cwd.resolve(env.get("GITHUB_STEP_SUMMARY")))
          .content()
          .startsWith("### \u2705 Reels API contract: every rule holds");
    }
  }
}
