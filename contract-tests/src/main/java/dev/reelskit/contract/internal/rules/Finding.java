package dev.reelskit.contract.internal.rules;

import dev.reelskit.contract.internal.http.Exchange;
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

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (exchange != null) {
      lines.add(row("request", exchange.method() + " " + exchange.url()));
      for (String header : exchange.requestHeaders()) {
        lines.add(row("", header));
      }
      if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
        lines.add(row("", truncate(exchange.requestBody(), 2048)));
      }
      lines.add(
          row(
              "response",
              exchange.status()
                  + " "
                  + (exchange.contentType() == null ? "(no content type)" : exchange.contentType())
                  + " "
                  + truncate(exchange.body(), 300)));
    }
    if (job != null) {
      lines.add(row("job", job.jobId()));
      lines.add(row("elapsed", job.elapsedMillis() + " ms"));
      lines.add(row("timeline", job.timeline()));
    }
    lines.add(row("at", at));
    lines.add(row("expected", expected));
    lines.add(row("actual", actual));
    return lines;
  }

  private static String row(String label, String value) {
    return String.format("  %-9s %s", label, value);
  }

  private static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
