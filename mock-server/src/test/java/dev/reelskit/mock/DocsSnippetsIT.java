package dev.reelskit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.conformance.ClientRules;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.DocPages;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs' own clients, as people copy them, under {@code java -jar reels-mock-server.jar
 * check-client} on its defaults (realistic profile, seed 42, the documented limits emulated): the
 * result page's bash, JavaScript and Python polling loops verbatim but for the host (and, in the
 * bash loop, the token and job id it writes inline), and the errors page's retry helper (restated:
 * its code is not in the repository) submitting four reels. Each verdict is pinned: which required
 * rules fail and which advice is given; docs/client-rules.md shows the same verdicts. The first job
 * of seed 42 runs 53 s, longer than the 45 s after which 5 s polling exceeds 10 requests a minute,
 * so every run takes real time: they all start before the first test and are judged after.
 */
class DocsSnippetsIT {

  private static final Path JAR = Path.of("target", "reels-mock-server.jar");
  private static final String REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";
  private static final Duration BOUND = Duration.ofMinutes(4);

  @TempDir static Path dir;

  private static Run bash;
  private static Run javascript;
  private static Run python;
  private static Run retryHelper;

  private record Run(Process process, Path log, Path report) {

    record Result(int exit, String output, JsonNode report) {
      List<String> failed() {
        return strings(report.path("violatedRules"));
      }

      List<String> advised() {
        return strings(report.path("advisedRules"));
      }

      private static List<String> strings(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
      }
    }

    Result await() throws Exception {
      boolean ended = process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        kill();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(ended).as("check-client ended within %s:%n%s", BOUND, output).isTrue();
      assertThat(report).as(output).exists();
      return new Result(process.exitValue(), output, ReelsJson.mapper().readTree(report.toFile()));
    }

    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  @BeforeAll
  static void start_check_client_on_each_snippet() throws Exception {
    assertThat(JAR).exists();
    RequiredTools.assumeInstalled("bash", "curl", "jq", "node");
    String pythonWithHttpx = RequiredTools.pythonWith("httpx");

    String loop =
        once(
            once(snippet("poll.sh"), "https://api.instatollm.com/api/v1/reels/42", "$JOB_URL"),
            "ist_your_token",
            "$REELS_TOKEN");
    bash =
        start(
            "poll.sh",
            "JOB_URL=\"$REELS_BASE_URL/api/v1/reels/$(curl -s -X POST"
                + " \"$REELS_BASE_URL/api/v1/reels/analyze\" -H \"Authorization: Bearer"
                + " $REELS_TOKEN\" -H 'Content-Type: application/json' -d '{\"url\": \""
                + REEL
                + "\"}' | jq -r .id)\"\n"
                + loop,
            "bash");
    javascript =
        start(
            "poll.mjs",
            once(snippet("poll.mjs"), "https://api.instatollm.com", "${process.env.REELS_BASE_URL}")
                + "\nconst submitted = await fetch(`${process.env.REELS_BASE_URL}"
                + "/api/v1/reels/analyze`, { method: \"POST\", headers: { Authorization: `Bearer"
                + " ${process.env.REELS_TOKEN}`, \"Content-Type\": \"application/json\" }, body:"
                + " JSON.stringify({ url: \""
                + REEL
                + "\" }) });\n"
                + "const result = await waitForResult((await submitted.json()).id,"
                + " process.env.REELS_TOKEN);\n"
                + "console.log(\"done: \" + result.summary);\n",
            "node");
    python =
        start(
            "poll.py",
            "import os\n"
                + once(
                    snippet("poll.py"),
                    "https://api.instatollm.com",
                    "{os.environ['REELS_BASE_URL']}")
                + "\nsubmitted = httpx.post(f\"{os.environ['REELS_BASE_URL']}/api/v1/reels/analyze\","
                + " headers={\"Authorization\": f\"Bearer {os.environ['REELS_TOKEN']}\"},"
                + " json={\"url\": \""
                + REEL
                + "\"})\n"
                + "result = wait_for_result(submitted.json()[\"id\"], os.environ[\"REELS_TOKEN\"])\n"
                + "print(\"done: \" + result[\"summary\"])\n",
            pythonWithHttpx);
    retryHelper =
        start(
            "retry.py",
            snippet("retry.py")
                + "\n\nimport os\n"
                + "base, token = os.environ[\"REELS_BASE_URL\"], os.environ[\"REELS_TOKEN\"]\n"
                + "for code in [\"DYa0IXPgnP5\", \"DYa0IXPgnP6\", \"DYa0IXPgnP7\","
                + " \"DYa0IXPgnP8\"]:\n"
                + "    r = request_with_retry(\"POST\", f\"{base}/api/v1/reels/analyze\","
                + " headers={\"Authorization\": f\"Bearer {token}\"},"
                + " json={\"url\": f\"https://www.instagram.com/reel/{code}/\"})\n"
                + "    print(code, r.status_code)\n",
            pythonWithHttpx);
  }

  @AfterAll
  static void stop_what_still_runs() {
    for (Run r : new Run[] {bash, javascript, python, retryHelper}) {
      if (r != null) {
        r.kill();
      }
    }
  }

  @Test
  void the_bash_loop_breaks_the_rate_limit_and_ignores_retry_after() throws Exception {
    Run.Result r = bash.await();

    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.failed())
        .as(r.output())
        .containsExactly(ClientRules.RATE_LIMIT, ClientRules.RETRY_AFTER);
    // Advice too when its poll after three 429s in a row is a 4th attempt: on a loaded machine its
    // iterations may take long enough that only two polls are refused.
    assertThat(r.advised()).as(r.output()).isSubsetOf(ClientRules.TRANSIENT_RETRY);
    assertThat(r.output()).contains("Status: done").contains("12 requests per 60 s");
  }

  @Test
  void the_fetch_loop_breaks_the_rate_limit_and_ignores_retry_after() throws Exception {
    Run.Result r = javascript.await();

    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.failed())
        .as(r.output())
        .containsExactly(ClientRules.RATE_LIMIT, ClientRules.RETRY_AFTER);
    assertThat(r.advised()).as(r.output()).isSubsetOf(ClientRules.TRANSIENT_RETRY);
    assertThat(r.output()).contains("done: A chef cooks").contains("12 requests per 60 s");
  }

  @Test
  void the_python_loop_breaks_the_rate_limit_and_raises_on_its_first_429() throws Exception {
    Run.Result r = python.await();

    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.failed()).as(r.output()).containsExactly(ClientRules.RATE_LIMIT);
    assertThat(r.advised()).as(r.output()).containsExactly(ClientRules.TRANSIENT_RETRY);
    assertThat(r.output())
        .contains("httpx.HTTPStatusError: Client error '429 Too Many Requests'")
        .contains("stopped after 1 attempt answered 429, the job never shown done or error");
  }

  @Test
  void the_retry_helper_follows_its_own_advice_but_not_retry_after() throws Exception {
    Run.Result r = retryHelper.await();

    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    // The fourth reel is one job too many (the batch's fault); the helper then retries it after
    // 1 s and 2 s while Retry-After asks for the 16 s until a job ends (the helper's).
    assertThat(r.failed())
        .as(r.output())
        .containsExactly(ClientRules.UNFINISHED_JOBS, ClientRules.RETRY_AFTER);
    assertThat(r.advised()).as(r.output()).isEmpty();
    assertThat(r.output()).contains("DYa0IXPgnP8 429");
  }

  /**
   * The fetch loop never checks {@code r.ok}: the errors page's 404 body carries {@code "status":
   * "error"}, so the loop reports a failed job. The traffic is that of a correct client (one poll,
   * a 404, no more), so no client rule can see it: the loop's own output shows it. The mock answers
   * the unknown id with the errors page's body, from the docs as data.
   */
  @Test
  void the_fetch_loop_takes_the_errors_page_s_404_for_a_failed_job() throws Exception {
    RequiredTools.assumeInstalled("node");
    String notFound = DocPages.get().mockBody("unknown-job").orElseThrow().shown().toString();
    assertThat(ReelsJson.mapper().readTree(notFound).path("status").asText()).isEqualTo("error");
    try (ReelsMock mock = ReelsMock.start(MockServerSettings.builder().port(0).build())) {
      mock.stubFor(
          get(urlPathEqualTo("/api/v1/reels/987654321"))
              .willReturn(
                  aResponse()
                      .withStatus(404)
                      .withHeader("Content-Type", "application/json")
                      .withBody(notFound)));
      Path script =
          write(
              "poll-404.mjs",
              once(snippet("poll.mjs"), "https://api.instatollm.com", mock.baseUrl())
                  + "\ntry {\n  await waitForResult(987654321, \"ist_your_token\");\n"
                  + "  console.log(JSON.stringify({ returned: true }));\n"
                  + "} catch (e) {\n  console.log(JSON.stringify({ threw: e.message }));\n}\n");
      Process p = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // `throw new Error(data.error)` with no `error` in the body: the failed-job branch, at once.
      assertThat(out.strip()).isEqualTo("{\"threw\":\"\"}");
    }
  }

  private static Run start(String name, String script, String interpreter) throws IOException {
    Path file = write(name, script);
    Path log = dir.resolve(name + ".log");
    Path report = dir.resolve(name + ".report.json");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-jar", JAR.toString(), "check-client", "--report-json", report.toString()));
    command.addAll(List.of("--client-timeout", "3m", "--", interpreter, file.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Run(process, log, report);
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String snippet(String name) throws IOException {
    try (var in = DocsSnippetsIT.class.getResourceAsStream("/docs-snippets/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code text} with its one occurrence of {@code literal} replaced: nothing else changes. */
  private static String once(String text, String literal, String replacement) {
    assertThat(text.split(Pattern.quote(literal), -1))
        .as("the snippet names %s exactly once", literal)
        .hasSize(2);
    return text.replace(literal, replacement);
  }
}
