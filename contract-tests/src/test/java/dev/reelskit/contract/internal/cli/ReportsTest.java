package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.contract.OfflineChromium;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.contract.servers.Defect;
import dev.reelskit.contract.servers.ReelsTestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The files one run leaves for CI and for people, read back as their readers read them: the JUnit
 * XML parsed, the HTML report checked for anything outside itself and photographed by Chromium
 * (kept as {@code target/report-screenshots/contract-report.png}), the Markdown summary appended
 * where GitHub Actions says. The run is against a server whose finished jobs change (RC-LIFE-001
 * and RC-LIFE-003 fail) and which allows 4 requests a second, far fewer than the suite's unlimited
 * budget, so it meets 429s and waits out their Retry-After.
 */
class ReportsTest {

  static final Path OUT = Path.of("target", "report-screenshots");

  private static Path reports;
  private static Path stepSummary;
  private static String stdout;
  private static int code;

  @BeforeAll
  static void run() throws Exception {
    reports = Files.createDirectories(OUT.resolve("run"));
    stepSummary = OUT.resolve("step-summary.md");
    Files.deleteIfExists(stepSummary);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    try (ReelsTestServer server =
        ReelsTestServer.start(
            ReelsTestServer.Options.liberal().with(Defect.LEAVES_DONE).rateLimit(4, 1000))) {
      code =
          new ContractRunner(
                  Map.of(
                      "REELS_TOKEN",
                      ReelsTestServer.TOKEN,
                      "REELS_FORBIDDEN_TOKEN",
                      ReelsTestServer.FORBIDDEN_TOKEN,
                      "GITHUB_STEP_SUMMARY",
                      stepSummary.toString()),
                  Map.of(),
                  print,
                  print)
              .run(
                  "--base-url",
                  server.baseUrl(),
                  "--budget",
                  "unlimited",
                  "--poll-interval",
                  "100ms",
                  "--job-timeout",
                  "20s",
                  "--unknown-token",
                  ReelsTestServer.UNKNOWN_TOKEN,
                  "--reports-dir",
                  reports.toString());
    }
    stdout = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void junit_xml_names_each_test_by_rule_id_and_title_and_groups_by_rule_family() throws Exception {
    assertThat(code).as(stdout).isEqualTo(1);
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(reports.resolve("TEST-reels-contract.xml").toFile());
    NodeList cases = xml.getElementsByTagName("testcase");
    Set<String> titles = new HashSet<>();
    Arrays.stream(Rule.values()).forEach(r -> titles.add(r.id() + " " + r.title()));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      String name = c.getAttribute("name");
      names.add(name);
      String ruleId = name.substring(0, name.indexOf(' '));
      String title = Rule.byId(ruleId).id() + " " + Rule.byId(ruleId).title();
      assertThat(name).as("test name").startsWith(title);
      String family = ruleId.substring(0, ruleId.lastIndexOf('-'));
      assertThat(c.getAttribute("classname")).startsWith(family + " ");
      assertThat(((Element) c.getParentNode()).getAttribute("name"))
          .isEqualTo(c.getAttribute("classname"));
    }
    assertThat(names)
        .contains(
            "RC-CREATE-001 Every documented URL form is accepted with 202"
                + " [www.instagram.com/reel/<code>/ is accepted with 202]",
            "RC-CREATE-005 A non-Instagram URL, lookalike hosts included, is refused with 400 and"
                + " its documented message [https://example.com/reel/<code>/ is refused with 400]")
        .noneMatch(n -> n.matches(".*RCkit.*|.*\\(\\).*|.*\\[\\d+\\]$"));
    assertThat(titles).contains("RC-LIFE-003 " + Rule.LIFE_IMMUTABLE.title());
    NodeList failures = xml.getElementsByTagName("failure");
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < failures.getLength(); i++) {
      failed.add(((Element) failures.item(i).getParentNode()).getAttribute("name").split(" ")[0]);
    }
    assertThat(failed).containsExactlyInAnyOrder("RC-LIFE-001", "RC-LIFE-003");
    assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    String text = Files.readString(reports.resolve("TEST-reels-contract.xml"));
    assertThat(text)
        .doesNotContain(ReelsTestServer.TOKEN)
        .doesNotContain(ReelsTestServer.TOKEN.substring(0, 16))
        .doesNotContain(ReelsTestServer.FORBIDDEN_TOKEN);
  }

  @Test
  void the_html_report_is_one_file_with_nothing_from_outside_and_a_timeline_per_job()
      throws Exception {
    String html = Files.readString(reports.resolve("contract-report.html"));

    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("src=")
        .doesNotContainIgnoringCase("url(")
        .doesNotContainIgnoringCase("href=\"http")
        .doesNotContainIgnoringCase("@import")
        .doesNotContain(ReelsTestServer.TOKEN, ReelsTestServer.FORBIDDEN_TOKEN);
    assertThat(html).contains("<svg", "Budget: unlimited", "RC-LIFE-003");
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    // A lane per job followed (5, the error reel's included) and one for the probes.
    assertThat(svg.split("font-weight=\"600\" fill=\"#212121\" text-anchor=\"start\">job ", -1))
        .hasSize(6);
    assertThat(svg).contains(">probes<", ">RC-LIFE-001, RC-LIFE-003<", ">429<", "Retry-After");
  }

  @Test
  void the_markdown_summary_is_appended_to_the_github_step_summary() throws Exception {
    String md = Files.readString(stepSummary);

    assertThat(stdout).contains("Markdown summary appended to " + stepSummary);
    assertThat(md)
        .startsWith("### \u274c Reels API contract: rules failed")
        .contains("<summary>\u274c RC-LIFE-003 A done or error job never changes</summary>")
        .contains("| \u2705 | RC-AUTH-001 | A request without an Authorization header")
        .doesNotContain(ReelsTestServer.TOKEN);
    assertThat(Files.readString(reports.resolve("contract-summary.md"))).isEqualTo(md);
  }

  @Test
  void chromium_renders_the_report_offline_with_its_timeline() throws Exception {
    Path chromium = onPath("chromium");
    RequiredTools.require(
        chromium != null,
        "chromium",
        "Chromium is not installed (apt-get install chromium; .ci/run installs it)");
    Path png = OUT.resolve("contract-report.png").toAbsolutePath();
    Files.deleteIfExists(png);
    Path profile = Files.createTempDirectory("reels-report-chromium-");
    List<String> command = new ArrayList<>(List.of(chromium.toString()));
    command.addAll(OfflineChromium.flags(profile)); // nothing but the file itself
    command.addAll(
        List.of(
            "--hide-scrollbars",
            "--window-size=1100,1500",
            "--screenshot=" + png,
            reports.resolve("contract-report.html").toAbsolutePath().toUri().toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(OUT.resolve("chromium.log").toFile())
            .start();
    boolean ended = p.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    assertThat(ended).as("Chromium took its screenshot within 90 s").isTrue();
    assertThat(png).exists();

    BufferedImage image = ImageIO.read(png.toFile());
    // The timeline is drawn: dots of a finished job (green), the failed rules' red lines and the
    // 429s' orange, not a blank or broken page.
    assertThat(count(image, 0x2e7d32)).as("done-green pixels").isGreaterThan(100);
    assertThat(count(image, 0xc62828)).as("failure-red pixels").isGreaterThan(100);
    assertThat(count(image, 0xef6c00)).as("429-orange pixels").isGreaterThan(20);
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y) & 0xffffff;
        if (Math.abs((p >> 16) - (rgb >> 16)) < 8
            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 8
            && Math.abs((p & 0xff) - (rgb & 0xff)) < 8) {
          n++;
        }
      }
    }
    return n;
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
