package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.contract.internal.cli.ContractRunner;
import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JUnit XML as a JUnit-XML viewer shows it: xunit-viewer (npm) turns a run's file into its HTML
 * page, headless Chromium renders that page, and the rendered page shows each rule family as a
 * suite and each test by rule id and title. The page's screenshot is kept as {@code
 * target/report-screenshots/junit-xml-in-xunit-viewer.png}.
 */
class JUnitXmlViewerIT {

  private static final Path OUT = Path.of("target", "report-screenshots");
  private static final Path VIEWER = Path.of("target", "xunit-viewer");

  @Test
  void xunit_viewer_renders_each_family_as_a_suite_and_each_test_by_rule() throws Exception {
    RequiredTools.assumeInstalled("npm", "node", "chromium");
    Path reports = Files.createDirectories(OUT.resolve("viewer-run"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    try (ReelsTestServer server = ReelsTestServer.start(Defect.TERMINAL_JOB_CHANGES)) {
      int code =
          new ContractRunner(Map.of("REELS_TOKEN", ReelsTestServer.TOKEN), Map.of(), print, print)
              .run(
                  "--base-url",
                  server.baseUrl(),
                  "--budget",
                  "unlimited",
                  "--poll-interval",
                  "50ms",
                  "--reports-dir",
                  reports.toString());
      assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    }
    Path script = VIEWER.resolve("node_modules/xunit-viewer/bin/xunit-viewer.js");
    if (!Files.exists(script)) {
      run(
          List.of(
              "npm",
              "install",
              "--prefix",
              VIEWER.toString(),
              "--no-audit",
              "--no-fund",
              "--loglevel=error",
              "xunit-viewer@" + System.getProperty("xunit-viewer.version", "10.6.1")),
          300);
    }
    Path page = OUT.resolve("junit-xml-in-xunit-viewer.html").toAbsolutePath();
    run(
        List.of(
            "node",
            script.toString(),
            "-r",
            reports.resolve("TEST-reels-contract.xml").toString(),
            "-o",
            page.toString(),
            "-t",
            "Reels API contract"),
        120);
    Path profile = Files.createTempDirectory("reels-xunit-viewer-");
    List<String> chromium = new ArrayList<>(List.of("chromium"));
    chromium.addAll(OfflineChromium.flags(profile));
    chromium.addAll(List.of("--window-size=1200,1400", "--virtual-time-budget=10000"));
    List<String> dump = new ArrayList<>(chromium);
    dump.addAll(List.of("--dump-dom", page.toUri().toString()));
    // The viewer draws its suites after the page loads; on a loaded machine Chromium's dump can
    // come before the first suite is drawn (the screenshot of the same run shows it drawn), so the
    // dump is taken again, at most twice more, until the first suite's first test is in it.
    String dom = run(dump, 120);
    for (int again = 0; again < 2 && !dom.contains("<span>RC-AUTH-001 "); again++) {
      dom = run(dump, 120);
    }
    List<String> shot = new ArrayList<>(chromium);
    shot.addAll(
        List.of(
            "--screenshot=" + OUT.resolve("junit-xml-in-xunit-viewer.png").toAbsolutePath(),
            page.toUri().toString()));
    run(shot, 120);

    // The viewer draws only what is on screen (the first suite; the others are placeholders), and
    // counts every suite in its header: 8 rule families.
    for (String shown :
        List.of(
            "<span>RC-AUTH Authentication</span>",
            "<span>RC-AUTH-001 A request without an Authorization header is refused with 401</span>",
            "<small>classname = RC-AUTH Authentication</small>",
            "<b>8</b><span>/8</span>")) {
      assertThat(dom.contains(shown)).as("the rendered viewer shows " + shown).isTrue();
    }
    assertThat(dom.contains(ReelsTestServer.TOKEN)).as("the token in the viewer").isFalse();
    assertThat(OUT.resolve("junit-xml-in-xunit-viewer.png")).isNotEmptyFile();
  }

  /** Runs a command to its end within {@code seconds}; answers its standard output. */
  private static String run(List<String> command, long seconds) throws Exception {
    Path log = Files.createTempFile("reels-viewer-", ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    Files.deleteIfExists(log);
    assertThat(ended).as(String.join(" ", command) + " ended within " + seconds + " s").isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }
}
