package dev.reelskit.contract.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The run as Markdown for a CI step summary (GitHub's {@code GITHUB_STEP_SUMMARY} file, GitLab or
 * any Markdown viewer): the verdict, the budget, the failed rules with their evidence folded, the
 * rule table. Appended, as GitHub asks of step summaries.
 */
public final class MarkdownSummary {

  /** GitHub's step summaries are cut at 1 MiB; a summary stays well below. */
  static final int MAX_DETAIL = 4_000;

  private MarkdownSummary() {}

  public static void append(RunReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        render(report),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static String render(RunReport r) {
    StringBuilder md = new StringBuilder(8_192);
    md.append("### ")
        .append(r.exitCode() == RunOutcome.OK ? "\u2705" : "\u274c")
        .append(" Reels API contract: ")
        .append(r.verdict())
        .append("\n\n`")
        .append(r.baseUrl().replace("`", "'"))
        .append("` \u00b7 ")
        .append(r.counts())
        .append(" \u00b7 ")
        .append(String.format(Locale.ROOT, "%.1f s", r.wallMillis() / 1000.0));
    if (r.record().wasObserved()) {
      md.append(" \u00b7 ").append(r.record().requests()).append(" requests");
    }
    md.append(" \u00b7 exit code ").append(r.exitCode()).append("\n\n");
    md.append("Budget: ").append(cell(r.budget())).append("\n\n");
    for (Case c : r.cases()) {
      if (c.status() == Case.Status.FAILED) {
        String detail = c.detail() == null ? "" : c.detail();
        if (detail.length() > MAX_DETAIL) {
          detail = detail.substring(0, MAX_DETAIL) + "\n... (cut; the HTML report has it all)";
        }
        md.append("<details><summary>\u274c ")
            .append(html(c.name()))
            .append("</summary>\n\n```text\n")
            .append(detail.replace("```", "'''"))
            .append("\n```\n</details>\n\n");
      }
    }
    md.append("| | Rule | Check |\n|---|---|---|\n");
    for (Case c : r.cases()) {
      md.append("| ")
          .append(
              switch (c.status()) {
                case PASSED -> "\u2705";
                case FAILED -> "\u274c";
                case SKIPPED -> "\u23ed\ufe0f";
              })
          .append(" | ")
          .append(c.ruleId())
          .append(" | ")
          .append(
              cell(
                  c.name().startsWith(c.ruleId())
                      ? c.name().substring(c.ruleId().length()).strip()
                      : c.name()));
      if (c.status() == Case.Status.SKIPPED && !c.headline().isEmpty()) {
        md.append(" (skipped: ").append(cell(c.headline())).append(')');
      }
      md.append(" |\n");
    }
    md.append('\n');
    return md.toString();
  }

  private static String cell(String text) {
    return html(text).replace("|", "\\|").replace("\n", " ");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
