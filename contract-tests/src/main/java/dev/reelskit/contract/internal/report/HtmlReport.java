package dev.reelskit.contract.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The run as one self-contained HTML file (no script, no CDN, no external file: it opens offline
 * and from a CI artefact): the verdict, the budget, the timeline of every job the suite followed
 * and the rule table with each failure's evidence.
 */
public final class HtmlReport {

  public static final String FILE = "contract-report.html";

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;color:#212121;max-width:1040px}
      h1{font-size:22px;margin:0 0 6px} h2{font-size:17px;margin:28px 0 8px}
      .ok{color:#2e7d32} .bad{color:#c62828} .muted{color:#616161;font-size:13px}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e0e0e0;vertical-align:top}
      th{background:#f5f5f5} td.id{white-space:nowrap;font-family:ui-monospace,monospace} td.t{white-space:nowrap}
      .PASSED{color:#2e7d32;font-weight:600} .FAILED{color:#c62828;font-weight:700}
      .SKIPPED{color:#757575}
      pre{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:8px;font-size:12px}
      .figure{border:1px solid #e0e0e0;overflow-x:auto}
      """;

  private HtmlReport() {}

  public static Path write(RunReport report, Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    Files.writeString(file, render(report), StandardCharsets.UTF_8);
    return file;
  }

  static String render(RunReport r) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Reels API contract: ")
        .append(esc(r.verdict()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    h.append("<h1 class=\"")
        .append(r.exitCode() == RunOutcome.OK ? "ok" : "bad")
        .append("\">Reels API contract: ")
        .append(esc(r.verdict()))
        .append("</h1>\n<p>")
        .append(esc(r.baseUrl()))
        .append(" &middot; ")
        .append(esc(r.counts()))
        .append(" &middot; ")
        .append(String.format(Locale.ROOT, "%.1f s", r.wallMillis() / 1000.0));
    if (r.record().wasObserved()) {
      h.append(" &middot; ").append(r.record().requests()).append(" requests");
    }
    h.append(" &middot; exit code ").append(r.exitCode()).append("</p>\n");
    h.append("<p class=\"muted\">Budget: ").append(esc(r.budget())).append("</p>\n");
    h.append("<h2>Timeline</h2>\n");
    if (r.record().wasObserved()) {
      h.append("<p class=\"muted\">One lane per job: a dot per poll in the colour of the status it")
          .append(" showed (hollow with the code when not 200), a triangle per 429 with its")
          .append(" Retry-After wait, a red line where a rule failed. Hover a mark for details.")
          .append("</p>\n<div class=\"figure\">")
          .append(r.timeline().toSvg())
          .append("</div>\n");
    } else {
      h.append("<p>The suite sent no plan, so there is no timeline.</p>\n");
    }
    h.append("<h2>Rules</h2>\n<table><thead><tr><th>Rule</th><th>Result</th><th>Check</th>")
        .append("<th>Time</th></tr></thead><tbody>\n");
    for (Case c : r.cases()) {
      h.append("<tr><td class=\"id\">")
          .append(esc(c.ruleId()))
          .append("</td><td class=\"")
          .append(c.status())
          .append("\">")
          .append(label(c.status()))
          .append("</td><td>")
          .append(
              esc(
                  c.name().startsWith(c.ruleId())
                      ? c.name().substring(c.ruleId().length()).strip()
                      : c.name()));
      if (c.detail() != null && !c.detail().isBlank()) {
        if (c.status() == Case.Status.FAILED) {
          h.append("<details><summary>")
              .append(esc(c.headline()))
              .append("</summary><pre>")
              .append(esc(c.detail()))
              .append("</pre></details>");
        } else {
          h.append("<div class=\"muted\">").append(esc(c.headline())).append("</div>");
        }
      }
      h.append("</td><td class=\"t\">").append(c.millis()).append(" ms</td></tr>\n");
    }
    h.append("</tbody></table>\n<h2>Settings</h2>\n<p class=\"muted\">")
        .append(esc(r.settings()))
        .append("</p>\n</body></html>\n");
    return h.toString();
  }

  static String label(Case.Status s) {
    return switch (s) {
      case PASSED -> "pass";
      case FAILED -> "FAIL";
      case SKIPPED -> "skip";
    };
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return JUnitXml.clean(text, Integer.MAX_VALUE)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
