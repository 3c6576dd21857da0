package dev.reelskit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelskit.buildrules.RequiredTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command the pages show in a {@code bash} block, run as a reader would run it from the
 * repository's root, against the packaged jars: the mock is started on a free port (the pages say
 * 8089), a server URL the page names (the mock's, {@code https://your.server}, the real API's) is
 * the mock's, and the page's placeholders ({@code /path/to/this/repo}, {@code OLD.yaml}, {@code
 * NEW.yaml}) are the repository's files. A Maven command is checked, not run inside the build: its
 * modules, tests and properties must exist, and {@code mvn -B verify} is what {@code .ci/run} runs.
 * Any other command is run by a test or a script named in a comment before its block ({@code <!--
 * commands run by: path -->}) that holds the command verbatim.
 */
class ShownCommandsIT {

  private static final Path ROOT = DocPages.ROOT;

  /** Where a page's {@code record --out recorded/} writes, and its {@code --replay} reads. */
  private static final Path RECORDED =
      Path.of("target", "shown-commands", "recorded").toAbsolutePath();

  private static final String MOCK_JAR = "mock-server/target/reels-mock-server.jar";
  private static final Pattern SERVER_URL =
      Pattern.compile(
          "https?://(127\\.0\\.0\\.1|localhost):8089|https://your\\.server|https://api\\.instatollm\\.com");
  private static final Set<String> MAVEN_PHASES =
      Set.of(
          "clean", "validate", "compile", "test-compile", "test", "package", "verify", "install");

  /** Commands already run, after placeholders: the same command on two pages runs once. */
  private final Set<String> ran = new HashSet<>();

  private final Map<String, String> ranOutput = new HashMap<>();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> every_command_the_pages_show_runs() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : DocPages.all()) {
      // A reader's shell: what a page exports holds for the page's later blocks.
      Map<String, String> exported = new LinkedHashMap<>();
      List<DocPages.Block> blocks = DocPages.blocks(page);
      for (int i = 0; i < blocks.size(); i++) {
        DocPages.Block block = blocks.get(i);
        if (!block.language().equals("bash")) {
          continue;
        }
        DocPages.Block shown = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
        String output =
            shown != null && shown.language().equals("json")
                ? String.join("\n", shown.lines())
                : null;
        List<ShownCommand> commands = ShownCommand.of(block);
        String names = String.join(" ; ", commands.stream().map(ShownCommand::text).toList());
        tests.add(
            DynamicTest.dynamicTest(
                block.where() + " " + abbreviate(names),
                () -> runBlock(block, commands, exported, output)));
      }
    }
    return tests.stream();
  }

  private void runBlock(
      DocPages.Block block, List<ShownCommand> commands, Map<String, String> env, String output)
      throws Exception {
    try (BlockMock mock = new BlockMock()) {
      for (ShownCommand command : commands) {
        if (block.vouchedBy() != null) {
          vouched(block, command);
          continue;
        }
        switch (command.program()) {
          case "mvn" -> maven(command);
          case "export" -> {
            String assignment = command.text().substring("export ".length()).strip();
            env.put(
                assignment.substring(0, assignment.indexOf('=')),
                assignment.substring(assignment.indexOf('=') + 1));
          }
          case "$EDITOR" ->
              assertThat(ROOT.resolve(command.words().get(1)))
                  .as(command.where() + " edits a file that exists")
                  .isRegularFile();
          case "java" -> java(command, env, mock);
          case "curl" -> {
            mock.startDefaultUnlessRunning();
            String printed = run(command, placeholders(command.text(), mock.url()), env, 60);
            if (output != null && commands.size() == 1) {
              assertThat(JSON.readTree(printed))
                  .as(command.where() + " prints the JSON the page shows after it")
                  .isEqualTo(JSON.readTree(output));
            }
          }
          case "npm" -> npmInstall(command);
          default ->
              fail(
                  command.where()
                      + " shows `"
                      + command.text()
                      + "`, which this test cannot run: name the test or script that runs it"
                      + " verbatim in a comment before the block (<!-- commands run by: PATH -->)");
        }
      }
    }
  }

  private void java(ShownCommand command, Map<String, String> env, BlockMock mock)
      throws Exception {
    List<String> words = command.words();
    boolean mockServe = words.contains(MOCK_JAR) && !words.contains("check-client");
    if (mockServe && !words.contains("record")) {
      mock.start(placeholders(command.text(), null));
      return;
    }
    if (words.contains("contract-tests/target/reels-contract-tests.jar")) {
      mock.startDefaultUnlessRunning();
    }
    run(command, placeholders(command.text(), mock.url()), env, 600);
  }

  /**
   * Runs the command with bash from the root and answers what it printed; fails on a non-zero exit.
   */
  private String run(ShownCommand command, String text, Map<String, String> env, int seconds)
      throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(command.env());
    if (!ran.add(all + " " + text)) {
      return ranOutput.get(all + " " + text);
    }
    Path log = Files.createTempFile("shown-command", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("bash", "-c", text)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(all);
      Process process = builder.start();
      boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      String token = all.get("REELS_TOKEN");
      if (token != null && token.length() > 8) {
        assertThat(out)
            .as(command.where() + " never prints the token")
            .doesNotContain(token.substring(4));
      }
      if (!finished || process.exitValue() != 0) {
        fail(
            command.where()
                + " `"
                + text
                + "` "
                + (finished ? "exited " + process.exitValue() : "did not end in " + seconds + " s")
                + ":\n"
                + tail(out));
      }
      ranOutput.put(all + " " + text, out);
      return out;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private void npmInstall(ShownCommand command) throws Exception {
    RequiredTools.assumeInstalled("npm");
    List<String> words = command.words();
    assertThat(words.get(1)).as(command.where() + " npm subcommand").isEqualTo("install");
    String text = command.text().replace("/path/to/this/repo", ROOT.toString());
    Path app = Files.createTempDirectory("shown-npm-app");
    Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"private\":true}\n");
    run(
        command,
        "cd '" + app + "' && " + text + " --no-audit --no-fund --loglevel=error",
        Map.of(),
        300);
  }

  /** Maven is not run inside its own build: what the command names must exist. */
  private static void maven(ShownCommand command) throws IOException {
    List<String> words = command.words();
    List<String> modules = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i).replace("'", "").replace("\"", "");
      if (w.equals("-pl")) {
        modules.addAll(List.of(words.get(++i).split(",")));
      } else if (w.startsWith("-Dtest=")) {
        String glob = w.substring("-Dtest=".length()).replace("*", ".*");
        assertThat(testClassesIn(modules.isEmpty() ? List.of(".") : modules))
            .as(command.where() + " -Dtest names an existing test")
            .anyMatch(name -> name.matches(glob));
      } else if (w.startsWith("-D")) {
        String property = w.substring(2).split("=", 2)[0];
        assertThat(mentioned(property))
            .as(command.where() + " sets -D" + property + ", which the build must read")
            .isTrue();
      } else if (!w.startsWith("-")) {
        assertThat(MAVEN_PHASES.contains(w) || w.equals("spotless:apply"))
            .as(command.where() + " runs the phase or goal " + w)
            .isTrue();
      }
    }
    for (String module : modules) {
      assertThat(ROOT.resolve(module).resolve("pom.xml"))
          .as(command.where() + " -pl " + module)
          .isRegularFile();
    }
    if (words.equals(List.of("mvn", "-B", "verify"))) {
      assertThat(Files.readString(ROOT.resolve(".ci/run")))
          .as(".ci/run runs the README's test command")
          .contains("mvn -B verify");
    }
  }

  private static List<String> testClassesIn(List<String> modules) throws IOException {
    List<String> names = new ArrayList<>();
    for (String module : modules) {
      Path tests = ROOT.resolve(module).resolve("src/test/java");
      if (Files.isDirectory(tests)) {
        try (Stream<Path> files = Files.walk(tests)) {
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".java"))
              .forEach(n -> names.add(n.substring(0, n.length() - ".java".length())));
        }
      }
    }
    return names;
  }

  /** Whether a pom or the code reads the property (as ${name}, a property element or a string). */
  private static boolean mentioned(String property) throws IOException {
    if (property.equals("surefire.failIfNoSpecifiedTests") || property.equals("it.test")) {
      return true; // Maven's own
    }
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("node_modules"))
          .filter(p -> p.toString().endsWith("pom.xml") || p.toString().endsWith(".java"))
          .anyMatch(
              p -> {
                try {
                  String s = Files.readString(p);
                  return s.contains("${" + property + "}")
                      || s.contains("<" + property + ">")
                      || s.contains("\"" + property + "\"");
                } catch (IOException e) {
                  return false;
                }
              });
    }
  }

  /** A block vouched for by a test or script: that file holds each command verbatim. */
  private static void vouched(DocPages.Block block, ShownCommand command) throws IOException {
    Path runner = ROOT.resolve(block.vouchedBy());
    assertThat(runner).as(block.where() + " names the file that runs its commands").isRegularFile();
    String compact = Files.readString(runner).replaceAll("\\s+", " ");
    assertThat(compact)
        .as(
            command.where()
                + " is vouched for by "
                + block.vouchedBy()
                + ", which must run it verbatim")
        .contains(command.text().replaceAll("\\s+", " "));
  }

  private static String placeholders(String text, String mockUrl) {
    String out = text.replace("/path/to/this/repo", ROOT.toString());
    out = out.replace("OLD.yaml", "spec-gate/baseline/reels-api.yaml");
    out = out.replace("NEW.yaml", "openapi/reels-api.yaml");
    // A HAR the page's reader saved from a browser: the one written from the docs' timings.
    out = out.replace("session.har", "mock-server/src/test/resources/record/docs-timings.har");
    out = out.replace(" recorded/", " " + RECORDED + "/"); // not into the repository's root
    out = out.replaceAll("\\s*\\[--[^\\]]*\\]", "");
    if (mockUrl != null) {
      out = SERVER_URL.matcher(out).replaceAll(Matcher.quoteReplacement(mockUrl));
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 110 ? s : s.substring(0, 107) + "...";
  }

  private static String tail(String out) {
    return out.length() <= 4000 ? out : "..." + out.substring(out.length() - 4000);
  }

  /**
   * The mock a block starts (or that a contract run in the block needs), stopped with the block.
   */
  private static final class BlockMock implements AutoCloseable {
    private Process process;
    private String url;

    String url() {
      return url;
    }

    void startDefaultUnlessRunning() throws Exception {
      if (process == null) {
        start("java -jar " + MOCK_JAR);
      }
    }

    void start(String command) throws Exception {
      if (process != null) {
        return;
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      String text = command.contains("--port") ? command : command + " --port " + port;
      process =
          new ProcessBuilder("bash", "-c", "exec " + text)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      url = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newHttpClient();
      Instant deadline = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        assertThat(process.isAlive()).as("`" + text + "` is still running").isTrue();
        try {
          HttpResponse<Void> answer =
              http.send(
                  HttpRequest.newBuilder(URI.create(url + "/docs/openapi.yaml"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (answer.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
      fail("`" + text + "` did not answer within 60 s");
    }

    @Override
    public void close() throws InterruptedException {
      if (process != null) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      }
    }
  }
}
