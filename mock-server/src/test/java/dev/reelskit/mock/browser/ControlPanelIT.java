package dev.reelskit.mock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The control panel at {@code /__admin/reels/ui} in headless Chromium, clicked as a person would: a
 * job submitted from the page is polled by a client and the page shows it move on its own
 * refreshes; "force error", "Reset jobs" and "Advance" change the mock; a screenshot is kept in
 * {@code target/control-panel.png}. Every host but loopback is unresolvable here, so a working page
 * proves it needs no CDN.
 */
class ControlPanelIT {

  @RegisterExtension
  static final ReelsMockExtension mock = ReelsMockExtension.builder().frozenClock().build();

  private static final ObjectMapper JSON = ReelsJson.mapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOT = Path.of("target", "control-panel.png");

  private HeadlessChromium chromium;
  private DevTools page;

  @BeforeEach
  void open_the_panel() {
    chromium = HeadlessChromium.require();
    page = chromium.devTools();
    page.viewport(1280, 1300);
    page.navigate(mock.baseUrl() + "/__admin/reels/ui");
    page.evaluate(
        "new Promise(r => document.readyState === 'complete' ? r() : addEventListener('load', r))"
            + ".then(() => 'loaded')",
        WAIT);
    page.evaluate(resource("panel-helpers.js"), WAIT);
    call("waitFor", "tr[data-job-id=\"43\"]", "data-status", null);
    mock.traffic().clear();
  }

  @AfterEach
  void close_chromium() {
    if (page != null) {
      page.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void
      a_job_submitted_from_the_panel_is_seen_going_pending_processing_done_and_force_error_changes_another() {
    call("type", "#reel-code", "DYa0IXPgnP5");
    call("click", "#submit-reel");
    String created = call("waitFor", "#message", "text", "created");
    long id = Long.parseLong(created.replaceAll("^job (\\d+) created.*$", "$1"));
    String row = "tr[data-job-id=\"" + id + "\"]";

    // A client polls the job through the API (fast profile: each poll lets it move one state);
    // the page shows what the next poll gets, on its own refreshes, without polling itself.
    Http http = new Http(mock.baseUrl());
    List<String> seen = new ArrayList<>();
    seen.add(call("waitFor", row, "data-status", "pending"));
    assertThat(http.poll(mock.token(), id).json().path("status").asText()).isEqualTo("pending");
    seen.add(call("waitFor", row, "data-status", "processing"));
    assertThat(http.poll(mock.token(), id).json().path("status").asText()).isEqualTo("processing");
    seen.add(call("waitFor", row, "data-status", "done"));
    assertThat(http.poll(mock.token(), id).json().path("status").asText()).isEqualTo("done");
    assertThat(seen).as(chromium.logTail()).containsExactly("pending", "processing", "done");

    call("click", "tr[data-job-id=\"43\"] button[data-force=\"error\"]");
    assertThat(call("waitFor", "tr[data-job-id=\"43\"]", "data-status", "error"))
        .isEqualTo("error");
    assertThat(mock.mock().statusOf(43)).contains(JobStatus.ERROR);
    assertThat(http.poll(mock.token(), 43).json().path("status").asText()).isEqualTo("error");

    call("nextRefresh");
    ClientConformanceReport report = mock.clientReport();
    assertThat(call("waitFor", "#report-summary", "text", report.requests() + " requests judged"))
        .contains(report.passedCount() + " rules hold");
    assertThat(call("waitFor", "#report-verdict", "text", null))
        .isEqualTo(
            report.conforms()
                ? "client conforms"
                : "client breaks "
                    + report.failedCount()
                    + " rule"
                    + (report.failedCount() == 1 ? "" : "s"));
    // The client report's timeline, drawn by the mock: one dot per poll the client sent (3 of the
    // new job, 1 of job 43), inline in the page.
    assertThat(
            page.evaluate(
                "String(document.querySelectorAll('#report-timeline svg g circle').length)", WAIT))
        .isEqualTo("4");
    page.screenshot(SCREENSHOT);
    assertThat(SCREENSHOT).isNotEmptyFile();
  }

  @Test
  void reset_jobs_puts_a_forced_job_back_and_advance_moves_the_mock_clock() {
    mock.mock().forceState(44, JobStatus.DONE);
    call("waitFor", "tr[data-job-id=\"44\"]", "data-status", "done");
    call("click", "#reset-jobs");
    assertThat(call("waitFor", "tr[data-job-id=\"44\"]", "data-status", "processing"))
        .isEqualTo("processing");

    Http http = new Http(mock.baseUrl());
    double offset = tenantClock(http, "default").path("offset_seconds").asDouble();
    Instant mockBefore = mock.mock().now();
    call("type", "#advance-seconds", "90");
    call("click", "#advance-clock");
    call("waitFor", "#message", "text", "clock advanced by 90 s");
    assertThat(tenantClock(http, "default").path("offset_seconds").asDouble())
        .as("the shown tenant's clock")
        .isEqualTo(offset + 90);
    assertThat(mock.mock().now()).as("no other tenant's").isEqualTo(mockBefore);
  }

  @Test
  void the_panel_shows_and_steers_one_tenant_its_jobs_clock_and_holds() {
    Http http = new Http(mock.baseUrl());
    String a =
        http.post("/__admin/reels/tenants", "{\"name\": \"panel-a\"}")
            .json()
            .path("token")
            .asText();
    String b =
        http.post("/__admin/reels/tenants", "{\"name\": \"panel-b\"}")
            .json()
            .path("token")
            .asText();
    long jobA = http.submit(a, "https://www.instagram.com/reel/PanelA/");
    long jobB = http.submit(b, "https://www.instagram.com/reel/PanelB/");
    page.navigate(mock.baseUrl() + "/__admin/reels/ui?tenant=panel-a");
    page.evaluate(resource("panel-helpers.js"), WAIT);
    String rowA = "tr[data-job-id=\"" + jobA + "\"]";
    call("waitFor", rowA, "data-status", "pending");
    assertThat(
            page.evaluate(
                "String(document.querySelector('tr[data-job-id=\"" + jobB + "\"]'))", WAIT))
        .as("the other tenant's job is not shown")
        .isEqualTo("null");
    assertThat(page.evaluate("String(document.querySelectorAll('#jobs tbody tr').length)", WAIT))
        .isEqualTo("1");

    call("type", "#advance-seconds", "90");
    call("click", "#advance-clock");
    call("waitFor", "#message", "text", "clock advanced by 90 s (tenant panel-a)");
    assertThat(tenantClock(http, "panel-a").path("offset_seconds").asDouble()).isEqualTo(90);
    assertThat(tenantClock(http, "panel-b").path("offset_seconds").asDouble()).isEqualTo(0);

    call("click", rowA + " button[data-hold=\"hold\"]");
    assertThat(call("waitFor", rowA, "data-pinned", "pending")).isEqualTo("pending");
    assertThat(http.get("/__admin/reels/jobs/" + jobB).json().path("pinned").isNull()).isTrue();
    http.method("DELETE", "/__admin/reels/tenants/panel-a", null);
    http.method("DELETE", "/__admin/reels/tenants/panel-b", null);
  }

  private static com.fasterxml.jackson.databind.JsonNode tenantClock(Http http, String tenant) {
    return http.get("/__admin/reels/tenants/" + tenant + "/clock").json();
  }

  @Test
  void a_bad_submission_shows_the_admin_api_s_reason_on_the_page() {
    call("type", "#reel-code", "https://evil.example/reel/x/");
    call("click", "#submit-reel");

    assertThat(call("waitFor", "#message", "class", "bad")).isEqualTo("bad");
    assertThat(call("waitFor", "#message", "text", null))
        .startsWith("POST /__admin/reels/jobs: 400 body must be {\"url\"");
  }

  @Test
  void at_1024_and_1440_pixels_nothing_covers_the_client_report_and_every_force_button_is_usable()
      throws IOException {
    for (int width : new int[] {1024, 1440}) {
      page.viewport(width, 900);
      call("nextRefresh");
      JsonNode layout =
          JSON.readTree(page.evaluate("(" + resource("panel-layout.js") + ")()", WAIT));
      page.screenshot(Path.of("target", "control-panel-" + width + ".png"));

      assertThat(layout.get("sideways").asBoolean()).as(width + " px: " + layout).isFalse();
      assertThat(layout.get("overReport")).as(width + " px: " + layout).isEmpty();
      assertThat(layout.get("forceButtons").asInt()).as(layout.toString()).isGreaterThan(20);
      assertThat(layout.get("forceVisible").asInt())
          .as(width + " px: every force button inside the jobs section: " + layout)
          .isEqualTo(layout.get("forceButtons").asInt());
    }
  }

  /** Calls one of the page helpers with string arguments and a generous deadline. */
  private String call(String helper, String... args) {
    StringBuilder js =
        new StringBuilder("Promise.resolve(window.panelTest.").append(helper).append('(');
    try {
      for (String arg : args) {
        js.append(arg == null ? "null" : JSON.writeValueAsString(arg)).append(',');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    js.append(WAIT.toMillis()).append("))");
    return page.evaluate(js.toString(), WAIT.plusSeconds(5));
  }

  private static String resource(String name) {
    try (InputStream in = ControlPanelIT.class.getResourceAsStream("/browser/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
