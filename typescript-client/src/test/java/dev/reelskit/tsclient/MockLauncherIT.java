package dev.reelskit.tsclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.ReelsJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm launcher of the JVM mock ({@code target/reels-mock-server-*.tgz}) installed from its
 * tarball into an empty folder and started as the docs say, {@code npx reels-mock-server --port N}:
 * it answers a GET; without Java, or with a Java older than 17, it says what to install and exits 1
 * instead of a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockLauncherIT {

  private static final String TOKEN = "ist_your_token";

  /** The commands docs/frontend.md shows for the launcher, run here as shown. */
  static final String DOCS_INSTALL = "npm install ./reels-mock-server-0.1.0-SNAPSHOT.tgz";

  static final String DOCS_START = "npx reels-mock-server --port 8089";

  private Path app;
  @TempDir Path bin;

  @BeforeAll
  void install_into_an_empty_folder() throws Exception {
    NodePackages.requireNodeAndNpm();
    app = Files.createTempDirectory("reels-mock-launcher-app-");
    NodePackages.installAsShown(DOCS_INSTALL, NodePackages.tarball("reels-mock-server"), app);
  }

  @AfterAll
  void remove_the_install() throws Exception {
    if (app != null) {
      try (var files = Files.walk(app)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void npx_reels_mock_server_starts_the_jar_with_the_users_java_and_it_answers_a_get()
      throws Exception {
    try (StartedCommand mock =
        StartedCommand.start(
            app,
            Map.of("JAVA_HOME", System.getProperty("java.home")),
            Duration.ofSeconds(90),
            DOCS_START.replace("--port 8089", "--port 0").split(" "))) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(mock.url() + "/api/v1/reels/42"))
                      .header("Authorization", "Bearer " + TOKEN)
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      JsonNode job = ReelsJson.mapper().readTree(r.body());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(job.path("status").asText()).isEqualTo("done");
      assertThat(mock.output()).contains("Reels API mock listening on " + mock.url());
      assertThat(mock.process().isAlive()).isTrue();
    }
  }

  @Test
  void without_java_it_says_what_to_install_and_exits_1() throws Exception {
    Files.createSymbolicLink(bin.resolve("node"), nodeExecutable());
    NodePackages.Result r = launch(bin.toString());

    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.output())
        .contains("reels-mock-server: no Java found", "Java 17 or later", "npx reels-api-msw")
        .doesNotContain("    at "); // no stack trace
  }

  @Test
  void with_java_11_it_says_17_is_needed_and_exits_1() throws Exception {
    Files.createSymbolicLink(bin.resolve("node"), nodeExecutable());
    Path java = bin.resolve("java");
    Files.writeString(
        java, "#!/bin/sh\necho 'openjdk version \"11.0.20\" 2023-07-18' >&2\nexit 0\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    NodePackages.Result r = launch(bin.toString());

    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("Java 11 found", "needs Java 17 or later");
  }

  /** The launcher's bin with only {@code path} on the PATH and no JAVA_HOME. */
  private NodePackages.Result launch(String path) throws Exception {
    ProcessBuilder b =
        new ProcessBuilder(
                bin.resolve("node").toString(),
                app.resolve("node_modules/reels-mock-server/bin/reels-mock-server.mjs").toString(),
                "--port",
                "0")
            .directory(app.toFile())
            .redirectErrorStream(true);
    b.environment().remove("JAVA_HOME");
    b.environment().put("PATH", path);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes());
    boolean ended = p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    if (!ended) {
      NodePackages.destroyTree(p);
    }
    return new NodePackages.Result(ended ? p.exitValue() : -1, out);
  }

  private static Path nodeExecutable() throws Exception {
    return Path.of(
        NodePackages.run(
                Path.of("."), Map.of(), Duration.ofSeconds(20), "node", "-p", "process.execPath")
            .trim());
  }
}
