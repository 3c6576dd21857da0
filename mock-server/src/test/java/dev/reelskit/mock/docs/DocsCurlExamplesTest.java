package dev.reelskit.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.ReelsJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The curl examples of docs/mock.md's "The error bodies" section, each run with bash and curl
 * against the mock on its defaults (its documented address replaced by this one's), the output
 * compared as JSON with the block the page shows after it.
 */
class DocsCurlExamplesTest {

  private static final Path PAGE = Path.of("..", "docs", "mock.md");
  private static final String SECTION = "### The error bodies, as the errors page shows them";
  private static final Pattern EXAMPLE =
      Pattern.compile("```bash\\n(curl [^\\n]+)\\n```\\s*\\n```json\\n([^\\n]+)\\n```");
  private static final String DOCUMENTED_BASE = "http://127.0.0.1:8089";

  @TestFactory
  List<DynamicTest> each_curl_example_prints_what_the_page_shows() throws Exception {
    RequiredTools.assumeInstalled("bash", "curl");
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int from = page.indexOf(SECTION);
    assertThat(from).as(SECTION + " in " + PAGE).isNotNegative();
    int to = page.indexOf("\n#", from + SECTION.length());
    String section = page.substring(from, to < 0 ? page.length() : to);
    Matcher m = EXAMPLE.matcher(section);
    List<String[]> examples = new ArrayList<>();
    while (m.find()) {
      examples.add(new String[] {m.group(1), m.group(2)});
    }
    assertThat(examples).hasSize(4);
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] e : examples) {
      tests.add(
          dynamicTest(
              e[0],
              () -> {
                try (ReelsMock mock =
                    ReelsMock.start(
                        MockServerSettings.builder().port(0).build(),
                        MockClock.frozenAt(Instant.EPOCH))) {
                  assertThat(e[0]).contains(DOCUMENTED_BASE);
                  String output = bash(e[0].replace(DOCUMENTED_BASE, mock.baseUrl()));
                  assertThat(ReelsJson.mapper().readTree(output))
                      .isEqualTo(ReelsJson.mapper().readTree(e[1]));
                }
              }));
    }
    return tests;
  }

  private static String bash(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(command).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
