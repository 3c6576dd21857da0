package dev.reelskit.mock.conformance;

/**
 * The client report as one self-contained HTML page (no script, nothing from outside): verdict,
 * timeline picture, and the text report.
 */
final class ReportHtml {

  private ReportHtml() {}

  static String render(ClientConformanceReport report) {
    String verdict =
        report.requests() == 0
            ? "no API traffic"
            : report.conforms()
                ? "the client conforms"
                : "the client breaks " + String.join(", ", report.violatedRuleIds());
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Client report: "
        + esc(verdict)
        + "</title><style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
        + "margin:24px;color:#212121;max-width:1040px} h1{font-size:22px} .ok{color:#2e7d32}"
        + " .bad{color:#c62828} pre{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;"
        + "padding:8px;font-size:12px} .figure{border:1px solid #e0e0e0;overflow-x:auto}"
        + "</style></head><body>\n<h1 class=\""
        + (report.conforms() ? "ok" : "bad")
        + "\">Client report: "
        + esc(verdict)
        + "</h1>\n<p>"
        + report.requests()
        + " requests judged, "
        + report.passedCount()
        + " rules hold, "
        + report.failedCount()
        + " broken (profile "
        + esc(report.profile())
        + ")</p>\n<div class=\"figure\">"
        + report.toSvg()
        + "</div>\n<h2>Report</h2>\n<pre>"
        + esc(report.toText())
        + "</pre>\n</body></html>\n";
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
