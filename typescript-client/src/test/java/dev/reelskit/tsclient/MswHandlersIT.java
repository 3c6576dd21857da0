package dev.reelskit.tsclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.Readings;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MSW handler pack ({@code target/reels-api-msw-*.tgz}) installed into an empty folder and
 * started as its users start it, {@code npx reels-api-msw --port 0}, judged two ways against the
 * JVM mock: the kit's contract jar passes the same rules against both, and a script of requests
 * (every magic code, the token rule, bad submissions, {@code Prefer}, unknown ids and paths) gets
 * the same statuses, headers and bodies from both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MswHandlersIT {

  static final Path CONTRACT_JAR =
      Path.of("..", "contract-tests", "target", "reels-contract-tests.jar");
  static final String TOKEN = "ist_aBcDeFgHiJkLmNoPqRsTuVwXyZ01";
  static final String FORBIDDEN = "ist_forbiddenTokenForTheSuite0";
  static final Pattern SUMMARY_ROW =
      Pattern.compile("(?m)^  (RC-[A-Z]+-\\d{3}) +(PASS|FAIL|SKIP) ");

  /** The commands docs/frontend.md shows for the no-JVM path, run here as shown. */
  static final String DOCS_INSTALL = "npm install ./reels-api-msw-0.1.0-SNAPSHOT.tgz";

  static final String DOCS_START = "npx reels-api-msw --port 8089";

  @TempDir Path dir;
  private Path app;

  @BeforeAll
  void install_the_pack_into_an_empty_folder() throws Exception {
    NodePackages.requireNodeAndNpm();
    app = Files.createTempDirectory("reels-msw-app-");
    NodePackages.installAsShown(DOCS_INSTALL, NodePackages.tarball("reels-api-msw"), app);
  }

  @AfterAll
  void remove_the_install() throws IOException {
    if (app != null) {
      try (var files = Files.walk(app)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private StartedCommand msw(String... options) throws Exception {
    // The docs' command on a free port, with this test's options.
    List<String> command =
        new ArrayList<>(List.of(DOCS_START.replace(" --port 8089", "").split(" ")));
    command.addAll(List.of(options));
    return StartedCommand.start(
        app,
        Map.of("REELS_MOCK_FORBIDDEN_TOKENS", FORBIDDEN),
        Duration.ofSeconds(60),
        command.toArray(String[]::new));
  }

  private static ReelsMock jvmMock() {
    return jvmMock(Readings.SPEC);
  }

  private static ReelsMock jvmMock(Readings readings) {
    return ReelsMock.start(
        MockServerSettings.builder()
            .port(0)
            .profile(TimingProfile.FAST)
            .tokens(Set.of(), Set.of(), Set.of(FORBIDDEN))
            .readings(readings)
            .build());
  }

  @Test
  void the_contract_jar_passes_the_same_rules_against_the_handlers_as_against_the_jvm_mock()
      throws Exception {
    String againstMsw;
    try (StartedCommand server = msw("--port", "0", "--profile", "fast")) {
      againstMsw = contractJar(server.url(), "msw");
    }
    String againstJvm;
    try (ReelsMock mock = jvmMock()) {
      againstJvm = contractJar(mock.baseUrl(), "jvm");
    }
    Map<String, List<String>> msw = results(againstMsw);
    Map<String, List<String>> jvm = results(againstJvm);
    System.out.println(
        "contract suite against the MSW handlers: "
            + counts(againstMsw)
            + "; against the JVM mock: "
            + counts(againstJvm));

    assertThat(againstMsw).as(againstMsw).contains("exit code 0", "X-Reels-Limits: none");
    assertThat(msw).as("every rule's result, handlers vs JVM mock").isEqualTo(jvm);
    assertThat(msw.get("FAIL")).isNull();
    assertThat(msw.get("PASS")).contains("RC-AUTH-007", "RC-LIFE-003", "RC-ERR-001", "RC-SPEC-001");
  }

  private String contractJar(String baseUrl, String name) throws Exception {
    NodePackages.Result r =
        NodePackages.runForResult(
            Path.of("."),
            Map.of("REELS_TOKEN", TOKEN, "REELS_FORBIDDEN_TOKEN", FORBIDDEN),
            Duration.ofMinutes(2),
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            CONTRACT_JAR.toString(),
            "--base-url",
            baseUrl,
            // No budget flags: both announce X-Reels-Limits: none, and the suite learns from it.
            // Fast profile: every job ends within 3 polls; the timeout only bounds a loaded
            // machine.
            "--job-timeout",
            "60s",
            "--reports-dir",
            dir.resolve(name).toString());
    assertThat(r.output()).doesNotContain(TOKEN, FORBIDDEN);
    return r.output() + "\nexit code " + r.exit();
  }

  /** The rule ids by result, each rule once per test (RC-CREATE-001 has one test per URL form). */
  private static Map<String, List<String>> results(String output) {
    Map<String, List<String>> by = new LinkedHashMap<>();
    Matcher m = SUMMARY_ROW.matcher(output);
    while (m.find()) {
      by.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
    }
    return by;
  }

  private static String counts(String output) {
    Matcher m =
        Pattern.compile("(\\d+ checks: \\d+ passed, \\d+ failed, \\d+ skipped)").matcher(output);
    return m.find() ? m.group(1) : "no summary";
  }

  // ---- the same answers, request by request ------------------------------------------------

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private record Call(
      String method, String path, String auth, String contentType, String body, String prefer) {}

  private static final List<String> HEADERS =
      List.of(
          "content-type",
          "x-reels-api-version",
          "x-reels-limits",
          "retry-after",
          "allow",
          "x-reels-reading");

  /** One answer, normalised: a new job's created_at is the mock's clock, which differs. */
  private static String answer(String baseUrl, Call c) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + c.path())).timeout(Duration.ofSeconds(10));
    if (c.auth() != null) b.header("Authorization", c.auth());
    if (c.contentType() != null) b.header("Content-Type", c.contentType());
    if (c.prefer() != null) b.header("Prefer", c.prefer());
    b.method(
        c.method(),
        c.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(c.body()));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    StringBuilder out = new StringBuilder().append(r.statusCode());
    for (String h : HEADERS) {
      r.headers().firstValue(h).ifPresent(v -> out.append(' ').append(h).append('=').append(v));
    }
    String body = r.body();
    if (!body.isEmpty()) {
      JsonNode json = ReelsJson.mapper().readTree(body);
      if (json instanceof ObjectNode o && o.path("id").asLong() >= 100 && o.has("created_at")) {
        // The mock's clock differs between the two; the timestamp's form must not.
        String at = o.get("created_at").asText();
        o.put(
            "created_at",
            at.endsWith("Z")
                ? "<clock>Z"
                : at.matches(".*[+-]\\d\\d:\\d\\d$") ? "<clock>+offset" : "<clock>");
      }
      out.append(' ').append(json);
    }
    return out.toString();
  }

  private static List<Call> script() {
    String t = "Bearer " + TOKEN;
    String json = "application/json";
    List<Call> calls = new ArrayList<>();
    for (long id : List.of(42L, 43L, 44L, 45L, 46L, 47L, 48L, 49L, 50L, 99L)) {
      calls.add(new Call("GET", "/api/v1/reels/" + id, t, null, null, null));
    }
    for (String auth :
        new String[] {
          null,
          "",
          "Token " + TOKEN,
          TOKEN,
          "Bearer ist_not-alphanumeric!",
          "bearer " + TOKEN,
          "Bearer " + FORBIDDEN,
          "Bearer   " + TOKEN + "  "
        }) {
      calls.add(new Call("GET", "/api/v1/reels/42", auth, null, null, null));
      calls.add(
          new Call(
              "POST",
              "/api/v1/reels/analyze",
              auth,
              json,
              "{\"url\":\"https://www.instagram.com/reel/AUTHx/\"}",
              null));
    }
    for (String code :
        List.of(
            "DYa0IXPgnP5",
            "ERROR1",
            "ERRORprivate01",
            "ERRORlong1",
            "ERRORLONG2",
            "ERRORnovideo1",
            "ERRORdownload1",
            "NOSPEECH1",
            "NOMETA1",
            "nospeech1",
            "FLAKY1",
            "x_-9")) {
      calls.add(
          new Call(
              "POST",
              "/api/v1/reels/analyze",
              t,
              json,
              "{\"url\":\"https://www.instagram.com/reel/" + code + "/\"}",
              null));
    }
    // Each 202 above was followed by three polls (answerAndPoll); two more reads of old jobs.
    calls.add(new Call("GET", "/api/v1/reels/100", t, null, null, null));
    calls.add(new Call("GET", "/api/v1/reels/110", t, null, null, null)); // FLAKY's 4th poll
    calls.add(
        new Call(
            "POST",
            "/api/v1/reels/analyze",
            t,
            json,
            "{\"url\":\"https://instagram.com/p/Q1/?igsh=abc\"}",
            null));
    calls.add(
        new Call(
            "POST",
            "/api/v1/reels/analyze",
            t,
            json,
            "{\"url\":\"https://www.instagram.com/reel/HTTP500crash01/\"}",
            null));
    for (String body :
        new String[] {
          "",
          "{}",
          "{\"url\":null}",
          "{\"url\":\"  \"}",
          "{\"url\":5}",
          "[1]",
          "not json",
          "{\"url\":\"https://www.tiktok.com/@x/video/1\"}",
          "{\"url\":\"https://instagram.com.evil.io/reel/x/\"}",
          "{\"url\":\"http://www.instagram.com/reel/x/\"}"
        }) {
      calls.add(new Call("POST", "/api/v1/reels/analyze", t, json, body, null));
    }
    calls.add(
        new Call(
            "POST",
            "/api/v1/reels/analyze",
            t,
            "text/plain",
            "{\"url\":\"https://www.instagram.com/reel/x/\"}",
            null));
    for (String path :
        List.of(
            "/api/v1/reels/abc",
            "/api/v1/reels/0",
            "/api/v1/reels/-1",
            "/api/v1/reels/99999999999999999999",
            "/api/v1/reels/999999",
            "/api/v2/x",
            "/api",
            "/api/v1/reels/42/extra")) {
      calls.add(new Call("GET", path, t, null, null, null));
    }
    calls.add(new Call("DELETE", "/api/v1/reels/42", t, null, null, null));
    calls.add(new Call("GET", "/api/v1/reels/analyze", t, null, null, null));
    calls.add(new Call("PUT", "/api/v1/reels/analyze", t, json, "{}", null));
    for (String prefer :
        List.of(
            "code=404",
            "example=doneNoSpeech",
            "example=JobError",
            "code=429",
            "code=200, example=pending",
            "code=999",
            "code=abc",
            "example=nothing",
            "fault=bogus",
            "delay=abc",
            "delay=60001",
            "delay=0",
            "unknown=1")) {
      calls.add(new Call("GET", "/api/v1/reels/42", t, null, null, prefer));
    }
    calls.add(
        new Call(
            "POST",
            "/api/v1/reels/analyze",
            t,
            json,
            "{\"url\":\"https://www.instagram.com/reel/P1/\"}",
            "code=400, example=urlRequired"));
    calls.add(
        new Call(
            "POST",
            "/api/v1/reels/analyze",
            t,
            json,
            "{\"url\":\"https://www.instagram.com/reel/P1/\"}",
            "code=202"));
    calls.add(new Call("GET", "/api/v1/reels/42", null, null, null, "code=200"));
    return calls;
  }

  @Test
  void a_script_of_requests_gets_the_same_statuses_headers_and_bodies_from_both() throws Exception {
    List<String> fromMsw = sameAnswers(script(), Readings.SPEC);
    assertThat(fromMsw)
        .anyMatch(a -> a.startsWith("500 "))
        .anyMatch(a -> a.startsWith("405 "))
        .anyMatch(a -> a.contains("retry-after="))
        .anyMatch(a -> a.contains("\"status\":\"processing\""));
  }

  @Test
  void with_readings_rotate_both_show_each_reel_code_in_the_same_reading() throws Exception {
    String t = "Bearer " + TOKEN;
    List<Call> script = new ArrayList<>();
    for (long id : List.of(42L, 43L, 45L, 46L, 47L, 50L, 99L)) {
      script.add(new Call("GET", "/api/v1/reels/" + id, t, null, null, null));
    }
    List<String> codes = new ArrayList<>(List.of("abc", "DYa0IXPgnP5", "ERRORlong", "NOMETAx"));
    for (int n = 0; n < 96; n++) codes.add("ROTATE" + n);
    for (String code : codes) {
      script.add(
          new Call(
              "POST",
              "/api/v1/reels/analyze",
              t,
              "application/json",
              "{\"url\":\"https://www.instagram.com/reel/" + code + "/\"}",
              null));
    }
    // Error bodies in the errors page's form or the overview's, by reel code or id.
    for (String id : List.of("987654320", "987654321", "abc")) {
      script.add(new Call("GET", "/api/v1/reels/" + id, t, null, null, null));
    }
    script.add(new Call("GET", "/api/v1/reels/42", null, null, null, null));
    script.add(new Call("GET", "/api/v1/reels/42", t, null, null, "code=404"));
    for (String body :
        List.of(
            "{}",
            "{\"url\":\"https://www.tiktok.com/@x/video/1\"}",
            "{\"url\":\"https://www.instagram.com/reel/HTTP500x0/\"}",
            "{\"url\":\"https://www.instagram.com/reel/HTTP500x1/\"}")) {
      script.add(new Call("POST", "/api/v1/reels/analyze", t, "application/json", body, null));
    }
    script.add(new Call("DELETE", "/api/v1/reels/43", t, null, null, null));
    // Ids as each mock answered them: large ones differ from the plain count; poll by those.
    List<String> fromMsw = sameAnswers(script, Readings.ROTATE);
    assertThat(fromMsw)
        .anyMatch(a -> a.contains("\"hooks\":["))
        .anyMatch(a -> a.contains("reading 95 of 96"))
        .anyMatch(
            a ->
                a.startsWith("404 ")
                    && a.contains("{\"message\":\"not found\",\"status\":\"error\"}"))
        .anyMatch(a -> a.startsWith("404 ") && a.contains("{\"error\":\"not found\"}"))
        .anyMatch(a -> a.startsWith("500 ") && a.contains("{\"error\":\"internal server error\"}"));
  }

  /**
   * Runs {@code script} against a fresh JVM mock and fresh handlers; after each 202 the job is
   * polled three times by the id that mock answered. Fails on the first difference of any answer.
   */
  private List<String> sameAnswers(List<Call> script, Readings readings) throws Exception {
    List<String> fromJvm = new ArrayList<>();
    try (ReelsMock mock = jvmMock(readings)) {
      for (Call c : script) fromJvm.addAll(answerAndPoll(mock.baseUrl(), c));
    }
    List<String> fromMsw = new ArrayList<>();
    try (StartedCommand server =
        msw("--port", "0", "--profile", "fast", "--readings", readings.cliName())) {
      for (Call c : script) fromMsw.addAll(answerAndPoll(server.url(), c));
    }
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.max(fromJvm.size(), fromMsw.size()); i++) {
      String jvm = i < fromJvm.size() ? fromJvm.get(i) : "(none)";
      String msw = i < fromMsw.size() ? fromMsw.get(i) : "(none)";
      if (!jvm.equals(msw)) {
        differences.add("answer " + i + "\n  JVM mock: " + jvm + "\n  handlers: " + msw);
      }
    }
    System.out.println(
        "readings "
            + readings.cliName()
            + ": "
            + fromJvm.size()
            + " answers, "
            + differences.size()
            + " differences");
    assertThat(differences).as(String.join("\n", differences)).isEmpty();
    return fromMsw;
  }

  private static final Pattern ACCEPTED_ID = Pattern.compile("^202 .*\\{\"id\":(\\d+),");

  /** The answer to {@code c}, then, for a 202, three polls of the job by the id it answered. */
  private static List<String> answerAndPoll(String baseUrl, Call c) throws Exception {
    List<String> out = new ArrayList<>(List.of(answer(baseUrl, c)));
    Matcher m = ACCEPTED_ID.matcher(out.get(0));
    if (m.find() && c.prefer() == null) {
      for (int poll = 0; poll < 3; poll++) {
        out.add(
            answer(
                baseUrl,
                new Call("GET", "/api/v1/reels/" + m.group(1), c.auth(), null, null, null)));
      }
    }
    return out;
  }
}
