package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes a {@link ClientConformanceReport} as text a person reads top-down in a CI log. */
final class ReportText {

  /** Beyond these, the text elides and points to the JSON report, which holds everything. */
  static final int MAX_VIOLATIONS_PER_RULE = 5;

  static final int MAX_REQUESTS_PER_VIOLATION = 8;

  private final ClientConformanceReport report;
  private final StringBuilder out = new StringBuilder();

  ReportText(ClientConformanceReport report) {
    this.report = report;
  }

  String render() {
    // Failures first, then advice: a reader stops at what fails the check.
    report.results().stream().filter(ClientRuleResult::failed).forEach(this::rule);
    report.results().stream().filter(ClientRuleResult::advised).forEach(this::rule);
    footer();
    return out.toString();
  }

  private void rule(ClientRuleResult result) {
    ClientRule rule = result.rule();
    out.append(rule.id())
        .append(' ')
        .append(rule.title())
        .append(" (")
        .append(rule.anchor())
        .append(")")
        .append(result.advised() ? " [advice: the docs recommend it; not a failure]" : "")
        .append("\n");
    List<ClientViolation> violations = result.violations();
    for (int i = 0; i < Math.min(violations.size(), MAX_VIOLATIONS_PER_RULE); i++) {
      if (i > 0) {
        out.append("  --\n");
      }
      violation(violations.get(i));
    }
    if (violations.size() > MAX_VIOLATIONS_PER_RULE) {
      out.append("  ... and ")
          .append(violations.size() - MAX_VIOLATIONS_PER_RULE)
          .append(" more violations of ")
          .append(rule.id())
          .append(" in the JSON report\n");
    }
    out.append('\n');
  }

  private void violation(ClientViolation v) {
    line("token", v.token());
    if (v.jobId() != null) {
      line("job", String.valueOf(v.jobId()));
    }
    line("expected", v.expected());
    line("actual", v.actual());
    if (v.shown() != null) {
      line("shown", v.shown().getValue());
    }
    requests(v.requests());
    if (v.note() != null) {
      line("note", v.note());
    }
  }

  private void requests(List<TrafficEntry> requests) {
    List<TrafficEntry> shown = requests;
    int elided = 0;
    if (requests.size() > MAX_REQUESTS_PER_VIOLATION) {
      int head = MAX_REQUESTS_PER_VIOLATION - 3;
      elided = requests.size() - head - 2;
      shown =
          Stream.concat(
                  requests.subList(0, head).stream(),
                  requests.subList(requests.size() - 2, requests.size()).stream())
              .toList();
    }
    String label = "requests";
    for (int i = 0; i < shown.size(); i++) {
      if (elided > 0 && i == MAX_REQUESTS_PER_VIOLATION - 3) {
        line("", "... " + elided + " more ...");
      }
      line(label, request(shown.get(i)));
      label = "";
    }
  }

  String request(TrafficEntry e) {
    StringBuilder s = new StringBuilder();
    s.append('#')
        .append(e.seq())
        .append(' ')
        .append(offset(e.at()))
        .append(' ')
        .append(e.method())
        .append(' ')
        .append(e.path())
        .append(" -> ")
        .append(e.httpStatus());
    if (e.shown() != null) {
      s.append(' ').append(e.shown().getValue());
    }
    if (e.rejection() != null) {
      s.append(' ').append(e.rejection());
    }
    if (e.retryAfter() != null) {
      s.append(", Retry-After ").append(Formats.duration(e.retryAfter()));
    }
    return s.toString();
  }

  private String offset(Instant at) {
    Instant origin = report.origin();
    return "t+" + Formats.duration(origin == null ? Duration.ZERO : Duration.between(origin, at));
  }

  private void footer() {
    line("profile", report.profile());
    line(
        "traffic",
        report.requests()
            + " requests judged, "
            + report.dropped()
            + " dropped by the bounded log"
            + (report.origin() == null ? "" : "; t+0 = " + report.origin() + " (mock clock)"));
    if (report.clientRun() != null) {
      line("client", report.clientRun().describe());
    }
    // Notes already printed with their violation are not repeated.
    for (String note : report.notes()) {
      if (!out.toString().contains(note)) {
        line("note", note);
      }
    }
    String passed =
        report.results().stream()
            .filter(ClientRuleResult::passed)
            .map(r -> r.rule().id())
            .collect(Collectors.joining(", "));
    if (!passed.isEmpty()) {
      line("passed", passed);
    }
    if (report.adviceCount() > 0) {
      line("advice", String.join(", ", report.advisedRuleIds()));
    }
    out.append(report.passedCount())
        .append(" passed, ")
        .append(report.failedCount())
        .append(" failed");
    if (report.adviceCount() > 0) {
      out.append(", ").append(report.adviceCount()).append(" advice");
    }
    out.append('\n');
  }

  private void line(String label, String value) {
    out.append("  ").append(String.format("%-10s", label)).append(value).append('\n');
  }
}
