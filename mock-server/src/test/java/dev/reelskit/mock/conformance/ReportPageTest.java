package dev.reelskit.mock.conformance;

import static dev.reelskit.openapi.model.JobStatus.DONE;
import static dev.reelskit.openapi.model.JobStatus.PENDING;
import static dev.reelskit.openapi.model.JobStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** check-client's HTML page and timeline picture, without starting a client. */
class ReportPageTest {

  @Test
  void a_conforming_client_gets_a_green_page_with_its_timeline() {
    ClientConformanceReport report = ClientRulesTest.correctClient().judge();
    assertThat(report.conforms()).isTrue();
    String html = report.toHtml();
    assertThat(html)
        .startsWith("<!doctype html>")
        .contains("<h1 class=\"ok\">Client report: the client conforms</h1>")
        .contains(
            report.requests()
                + " requests judged, "
                + report.passedCount()
                + " rules hold, 0 broken")
        .contains("<div class=\"figure\">" + report.toSvg() + "</div>");
    assertThat(report.toSvg()).contains("<svg");
  }

  @Test
  void a_broken_client_gets_a_red_page_naming_the_rules_it_breaks_with_the_text_escaped() {
    ClientConformanceReport report =
        new Traffic()
            .at(0)
            .submit(42)
            .at(0.1)
            .poll(42, PENDING)
            .at(1.3)
            .poll(42, PROCESSING)
            .at(6.5)
            .poll(42, DONE)
            .judge();
    String html = report.toHtml();
    assertThat(html)
        .contains("<h1 class=\"bad\">Client report: the client breaks CC-POLL-001</h1>")
        .contains("1 broken (profile test)")
        .contains("gap &gt;= 4.5 s")
        .doesNotContain("gap >= 4.5 s");
    assertThat(report.toSvg()).contains("CC-POLL-001");
  }

  @Test
  void no_traffic_says_so() {
    assertThat(new Traffic().judge().toHtml()).contains("Client report: no API traffic</h1>");
  }
}
