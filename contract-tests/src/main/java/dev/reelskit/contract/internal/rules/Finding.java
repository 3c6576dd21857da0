package dev.reelskit.contract.internal.rules;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.ServerText;
import java.util.ArrayList;
import java.util.List;

/**
 * One failed check: the exchange it was seen in, where in it, what was expected and what came back.
 * Polling findings also carry the job's id, elapsed time and status timeline.
 */
public record Finding(
    Exchange exchange, String at, String expected, String actual, JobContext job) {

  /** What a polling failure adds: which job, how long it had run, what it went through. */
  public record JobContext(String jobId, long elapsedMillis, String timeline) {}

  public static Finding status(Exchange exchange, String expected) {
    return new Finding(exchange, "HTTP status", expected, String.valueOf(exchange.status()), null);
  }

  public static Finding value(Exchange exchange, String at, String expected, String actual) {
    return new Finding(exchange, at, expected, actual, null);
  }

  public Finding inJob(JobContext context) {
    return new Finding(exchange, at, expected, actual, context);
  }

  /** The most characters of a response body shown in one finding. */
  static final int BODY_ROW = 300;

  /** The most characters of a timeline row; each of its steps is already cut. */
  static final int TIMELINE_ROW = 2048;

  /** The most characters of the request body shown (the suite's own, never long). */
  static final int REQUEST_BODY_ROW = 2048;

  /**
   * The finding as report rows. Every value a server may have chosen (its body, content type, job
   * id, statuses, JSON paths named after its fields, expected and actual values taken from its
   * answers) is escaped and cut to {@link ServerText#ROW} characters, saying how long it was.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (exchange != null) {
      lines.add(row("request", exchange.method() + " " + exchange.url()));
      for (String header : exchange.requestHeaders()) {
        lines.add(row("", header));
      }
      if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
        lines.add(row("", exchange.requestBody(), REQUEST_BODY_ROW));
      }
      String body = exchange.body() == null ? "" : exchange.body();
      // Its parts are cut each; the row as a whole is not cut again.
      lines.add(
          row(
              "response",
              exchange.status()
                  + " "
                  + (exchange.contentType() == null
                      ? "(no content type)"
                      : ServerText.cut(exchange.contentType(), ServerText.WORD))
                  + " "
                  + ServerText.cut(body.replace('\n', ' ').replace('\r', ' '), BODY_ROW),
              Integer.MAX_VALUE));
    }
    if (job != null) {
      lines.add(row("job", job.jobId()));
      lines.add(row("elapsed", job.elapsedMillis() + " ms"));
      lines.add(row("timeline", job.timeline(), TIMELINE_ROW));
    }
    lines.add(row("at", at));
    lines.add(row("expected", expected));
    lines.add(row("actual", actual));
    return lines;
  }

  private static String row(String label, String value) {
    return row(label, value, ServerText.ROW);
  }

  private static String row(String label, String value, int max) {
    return String.format("  %-9s %s", label, ServerText.cut(value, max));
  }
}
