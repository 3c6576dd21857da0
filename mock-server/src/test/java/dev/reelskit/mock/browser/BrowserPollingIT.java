package dev.reelskit.mock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.buildrules.RequiredTools;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The docs' {@code fetch} polling loop in headless Chromium, from a page on another port: the
 * browser itself preflights every call (a Bearer header is not CORS-safelisted), so a passing run
 * proves the mock's CORS answers are ones a real browser accepts, and the failing cases prove the
 * browser really enforces them here.
 */
class BrowserPollingIT {

  @RegisterExtension static final ReelsMockExtension mock = ReelsMockExtension.builder().build();

  /** Two 5 s sleeps of the docs' loop on virtual time, with room to spare. */
  private static final Duration BUDGET = Duration.ofSeconds(60);

  private static final Pattern OUTPUT =
      Pattern.compile("<output id=\"(\\w+)\">(.*?)</output>", Pattern.DOTALL);
  private static final String BLOCKED = "failed: TypeError: Failed to fetch";

  private HeadlessChromium chromium;

  @BeforeEach
  void start_chromium() {
    chromium = HeadlessChromium.require();
    mock.traffic().clear();
  }

  @AfterEach
  void stop_chromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @ParameterizedTest(name = "a page from http://{0}:<port> runs the docs'' polling loop to done")
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void a_page_from_another_local_port_runs_the_docs_polling_loop_to_done(String host) {
    try (LoopbackServer pages = LoopbackServer.pages("127.0.0.1")) {
      String dom = run("http://" + host + ":" + pages.port(), mock.baseUrl(), null);

      assertThat(output(dom, "outcome"))
          .as(chromium.logTail())
          .isEqualTo(
              "done: A chef cooks garlic butter shrimp in a cast-iron pan in under a minute "
                  + "while the recipe appears on screen.");
      assertThat(output(dom, "statuses")).isEqualTo("pending processing done");
    }
    // Every call reached the mock with the page's token: none was sent without its header.
    assertThat(mock.traffic().snapshot())
        .extracting(e -> e.method() + " " + e.operation() + " " + e.httpStatus())
        .containsExactly(
            "POST analyzeReel 202", "GET getReel 200", "GET getReel 200", "GET getReel 200");
    assertThat(mock.traffic().snapshot()).extracting(TrafficEntry::rejection).containsOnlyNulls();
  }

  @Test
  void a_request_header_the_mock_does_not_allow_is_blocked_by_the_browser() {
    try (LoopbackServer pages = LoopbackServer.pages("127.0.0.1")) {
      String dom = run("http://localhost:" + pages.port(), mock.baseUrl(), "X-Debug");

      assertThat(output(dom, "outcome")).as(chromium.logTail()).isEqualTo(BLOCKED);
    }
    assertThat(mock.traffic().snapshot()).as("the preflight stopped the POST").isEmpty();
  }

  @Test
  void a_page_from_an_origin_that_is_not_local_is_blocked_by_the_browser() {
    // 127.0.0.2 is loopback on Linux, but not an origin the mock allows (localhost, 127.0.0.1,
    // ::1).
    LoopbackServer pages;
    try {
      pages = LoopbackServer.pages("127.0.0.2");
    } catch (RuntimeException e) {
      RequiredTools.require(
          false,
          "a second loopback address (127.0.0.2)",
          "this machine cannot bind 127.0.0.2: " + e.getMessage());
      return;
    }
    try (pages) {
      String dom = run(pages.origin(), mock.baseUrl(), null);

      assertThat(output(dom, "outcome")).as(chromium.logTail()).isEqualTo(BLOCKED);
    }
    assertThat(mock.traffic().snapshot()).as("the preflight stopped the POST").isEmpty();
  }

  @Test
  void an_api_without_cors_headers_is_blocked_by_the_browser() {
    try (LoopbackServer pages = LoopbackServer.pages("127.0.0.1");
        LoopbackServer bare = LoopbackServer.withoutCors("127.0.0.1")) {
      String dom = run("http://localhost:" + pages.port(), bare.origin(), null);

      assertThat(output(dom, "outcome")).as(chromium.logTail()).isEqualTo(BLOCKED);
      assertThat(bare.requests())
          .as("the preflight arrived, the POST was never sent")
          .containsExactly("OPTIONS /api/v1/reels/analyze");
    }
  }

  private String run(String pageOrigin, String api, String extraHeader) {
    String url =
        pageOrigin
            + "/polling.html?api="
            + encode(api)
            + "&token="
            + encode(mock.token())
            + (extraHeader == null ? "" : "&header=" + encode(extraHeader));
    return chromium.dumpDom(url, BUDGET);
  }

  private static String output(String dom, String id) {
    Matcher m = OUTPUT.matcher(dom);
    while (m.find()) {
      if (m.group(1).equals(id)) {
        return m.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
      }
    }
    throw new AssertionError("no <output id=\"" + id + "\"> in the page:\n" + dom);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
