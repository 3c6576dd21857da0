package dev.reelskit.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Timeline} as SVG: one lane per job on a shared time axis, a band in the colour of
 * the status each read showed until the next read, each request a mark (hollow with its code when
 * not a 200), each 429 a triangle with its Retry-After wait as a hatched bar, each failed rule a
 * red line with its id. Presentation attributes only (no style element, no script), so the picture
 * is the same inline in a page with a strict Content-Security-Policy, in an {@code <img>} or opened
 * as a file. Output is bounded: at most {@link #MAX_LANES} lanes and {@link #MAX_MARKS} marks a
 * lane.
 */
final class TimelineSvg {

  static final int MAX_LANES = 40;
  static final int MAX_MARKS = 600;

  private static final int WIDTH = 1000;
  private static final int LABEL = 260;
  private static final int RIGHT = 24;
  private static final int TOP = 58;
  private static final int LANE = 50;
  private static final int AXIS = 44;
  private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  /** The documented states' colours; any other status a server invents is purple. */
  static final Map<String, String> STATUS_COLOURS =
      Map.of(
          "pending", "#9e9e9e",
          "processing", "#1e88e5",
          "done", "#2e7d32",
          "error", "#c62828");

  private static final String OTHER = "#8e24aa";
  private static final String TOO_MANY = "#ef6c00";
  private static final String FAILED = "#c62828";

  private final Timeline timeline;
  private final StringBuilder svg = new StringBuilder(16_384);
  private final long end;

  TimelineSvg(Timeline timeline) {
    this.timeline = timeline;
    long last = 1000;
    for (Lane lane : lanes()) {
      for (Mark m : marks(lane)) {
        last = Math.max(last, m.endMillis());
      }
    }
    this.end = (long) Math.ceil(last * 1.04);
  }

  String render() {
    List<Lane> lanes = lanes();
    int omitted = timeline.lanes().size() - lanes.size();
    int height = TOP + Math.max(1, lanes.size()) * LANE + AXIS + (omitted > 0 ? 18 : 0);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(timeline.title()))
        .append("\" font-family=\"")
        .append(FONT)
        .append("\" font-size=\"12\">");
    svg.append("<title>").append(escape(timeline.title())).append("</title>");
    rect(0, 0, WIDTH, height, "#ffffff", null);
    text(12, 20, escape(timeline.title()), "15", "600", "#212121", "start");
    legend();
    int axisTop = TOP + Math.max(1, lanes.size()) * LANE;
    grid(axisTop);
    if (lanes.isEmpty()) {
      text(LABEL, TOP + 28, "no requests yet", "12", "normal", "#757575", "start");
    }
    for (int i = 0; i < lanes.size(); i++) {
      lane(lanes.get(i), TOP + i * LANE, i);
    }
    axis(axisTop);
    if (omitted > 0) {
      text(
          12,
          axisTop + AXIS + 10,
          omitted + " more lanes not drawn (at most " + MAX_LANES + ")",
          "11",
          "normal",
          "#757575",
          "start");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private List<Lane> lanes() {
    List<Lane> all = timeline.lanes();
    return all.size() <= MAX_LANES ? all : all.subList(0, MAX_LANES);
  }

  private static List<Mark> marks(Lane lane) {
    List<Mark> all = lane.marks();
    return all.size() <= MAX_MARKS ? all : all.subList(0, MAX_MARKS);
  }

  private double x(long millis) {
    return LABEL + (WIDTH - LABEL - RIGHT) * (double) Math.max(0, millis) / end;
  }

  private void legend() {
    double lx = LABEL;
    int ly = 40;
    for (String status : List.of("pending", "processing", "done", "error")) {
      circle(lx + 5, ly, 5, STATUS_COLOURS.get(status), null);
      text(lx + 14, ly + 4, status, "11", "normal", "#424242", "start");
      lx += 24 + status.length() * 6.5;
    }
    circle(lx + 5, ly, 4.5, "#ffffff", "#616161");
    text(lx + 14, ly + 4, "not 200 (code above)", "11", "normal", "#424242", "start");
    lx += 135;
    triangle(lx + 5, ly, TOO_MANY);
    rect(lx + 12, ly - 3, 22, 6, TOO_MANY, null, "0.35");
    text(lx + 38, ly + 4, "429 and its Retry-After wait", "11", "normal", "#424242", "start");
    lx += 205;
    line(lx + 4, ly - 7, lx + 4, ly + 7, FAILED, 2, null);
    text(lx + 10, ly + 4, "rule failed", "11", "normal", "#424242", "start");
  }

  private void grid(int axisTop) {
    long step = step(end);
    for (long t = 0; t <= end; t += step) {
      double x = x(t);
      line(x, TOP - 6, x, axisTop, "#eeeeee", 1, null);
    }
  }

  private void axis(int axisTop) {
    line(LABEL, axisTop, WIDTH - RIGHT, axisTop, "#9e9e9e", 1, null);
    long step = step(end);
    for (long t = 0; t <= end; t += step) {
      double x = x(t);
      line(x, axisTop, x, axisTop + 5, "#9e9e9e", 1, null);
      text(x, axisTop + 18, seconds(t, step), "11", "normal", "#616161", "middle");
    }
    text(WIDTH - RIGHT, axisTop + 36, escape(timeline.axis()), "11", "normal", "#757575", "end");
  }

  private void lane(Lane lane, int top, int index) {
    if (index % 2 == 0) {
      rect(0, top, WIDTH, LANE, "#fafafa", null);
    }
    int mid = top + LANE / 2 + 4;
    text(12, top + 20, escape(cut(lane.label(), 38)), "12", "600", "#212121", "start");
    text(12, top + 36, escape(cut(lane.detail(), 44)), "11", "normal", "#616161", "start");
    List<Mark> marks = marks(lane);
    bands(marks, mid);
    List<Mark> failures = new ArrayList<>();
    for (Mark m : marks) {
      switch (m.kind()) {
        case SUBMIT -> submit(m, mid);
        case POLL -> poll(m, mid);
        case TOO_MANY -> tooMany(m, mid);
        case REQUEST -> request(m, mid);
        case GAVE_UP -> gaveUp(m, mid);
        case FAILURE -> failures.add(m);
      }
    }
    failures(failures, top);
    if (lane.marks().size() > marks.size()) {
      text(
          WIDTH - RIGHT,
          top + 12,
          (lane.marks().size() - marks.size()) + " more not drawn",
          "10",
          "normal",
          "#757575",
          "end");
    }
  }

  /** From each read that showed a status to the next read, a band in that status's colour. */
  private void bands(List<Mark> marks, int mid) {
    Mark from = null;
    for (Mark m : marks) {
      if (m.kind() != Mark.Kind.SUBMIT && m.kind() != Mark.Kind.POLL) {
        continue;
      }
      if (from != null && from.status() != null) {
        double x1 = x(from.atMillis());
        double x2 = x(m.atMillis());
        rect(x1, mid - 4, Math.max(1, x2 - x1), 8, colour(from.status()), null, "0.45");
      }
      from = m;
    }
  }

  private void submit(Mark m, int mid) {
    double x = x(m.atMillis());
    svg.append("<g>");
    tooltip("submit " + answer(m) + " at " + seconds(m.atMillis()) + note(m));
    line(x, mid - 11, x, mid + 11, "#424242", 2, null);
    text(x, mid - 14, "POST", "9", "normal", "#424242", "middle");
    if (m.httpStatus() != 202) {
      text(x, mid + 22, String.valueOf(m.httpStatus()), "9", "600", FAILED, "middle");
    }
    svg.append("</g>");
  }

  private void poll(Mark m, int mid) {
    double x = x(m.atMillis());
    svg.append("<g>");
    tooltip("poll " + answer(m) + " at " + seconds(m.atMillis()) + note(m));
    if (m.httpStatus() == 200 && m.status() != null) {
      circle(x, mid, 5, colour(m.status()), "#ffffff");
    } else {
      circle(x, mid, 4.5, "#ffffff", "#616161");
      text(x, mid - 9, String.valueOf(m.httpStatus()), "9", "600", "#424242", "middle");
    }
    svg.append("</g>");
  }

  private void tooMany(Mark m, int mid) {
    double x = x(m.atMillis());
    svg.append("<g>");
    String wait = m.waitMillis() < 0 ? "no Retry-After" : "Retry-After " + seconds(m.waitMillis());
    tooltip("429 at " + seconds(m.atMillis()) + ", " + wait + note(m));
    if (m.waitMillis() > 0) {
      double x2 = x(m.endMillis());
      rect(x, mid + 6, Math.max(2, x2 - x), 7, TOO_MANY, TOO_MANY, "0.35");
      if (x2 - x > 50) {
        text(x + 3, mid + 24, "wait " + seconds(m.waitMillis()), "9", "normal", TOO_MANY, "start");
      }
    }
    triangle(x, mid, TOO_MANY);
    text(x, mid - 10, "429", "9", "600", TOO_MANY, "middle");
    svg.append("</g>");
  }

  private void request(Mark m, int mid) {
    double x = x(m.atMillis());
    String fill = m.httpStatus() >= 500 ? FAILED : m.httpStatus() >= 400 ? "#757575" : "#2e7d32";
    svg.append("<g>");
    tooltip(m.note() + " -> " + m.httpStatus() + " at " + seconds(m.atMillis()));
    svg.append("<rect x=\"")
        .append(fmt(x - 3.5))
        .append("\" y=\"")
        .append(mid - 3.5)
        .append("\" width=\"7\" height=\"7\" fill=\"")
        .append(fill)
        .append("\" transform=\"rotate(45 ")
        .append(fmt(x))
        .append(' ')
        .append(mid)
        .append(")\"/>");
    svg.append("</g>");
  }

  private void gaveUp(Mark m, int mid) {
    double x = x(m.atMillis());
    svg.append("<g>");
    tooltip("gave up at " + seconds(m.atMillis()) + note(m));
    line(x - 5, mid - 5, x + 5, mid + 5, "#212121", 2, null);
    line(x - 5, mid + 5, x + 5, mid - 5, "#212121", 2, null);
    svg.append("</g>");
  }

  /**
   * A red line across the lane where rules failed, labelled with their ids; failures a few pixels
   * apart share one line and one label, each rule named once.
   */
  private void failures(List<Mark> failures, int top) {
    List<Mark> sorted = new ArrayList<>(failures);
    sorted.sort(java.util.Comparator.comparingLong(Mark::atMillis));
    int i = 0;
    while (i < sorted.size()) {
      double x = x(sorted.get(i).atMillis());
      java.util.Set<String> ids = new java.util.LinkedHashSet<>();
      java.util.Set<String> notes = new java.util.LinkedHashSet<>();
      int j = i;
      while (j < sorted.size() && x(sorted.get(j).atMillis()) - x < 6) {
        ids.add(sorted.get(j).ruleId());
        notes.add(sorted.get(j).note());
        j++;
      }
      svg.append("<g>");
      tooltip(String.join("; ", notes) + " (at " + seconds(sorted.get(i).atMillis()) + ")");
      line(x, top + 2, x, top + LANE - 2, FAILED, 2, "4 2");
      boolean right = x < WIDTH - 160;
      text(
          right ? x + 4 : x - 4,
          top + 11,
          escape(cut(String.join(", ", ids), 40)),
          "10",
          "700",
          FAILED,
          right ? "start" : "end");
      svg.append("</g>");
      i = j;
    }
  }

  private static String answer(Mark m) {
    return m.httpStatus() + (m.status() == null ? "" : " " + m.status());
  }

  private static String note(Mark m) {
    return m.note().isEmpty() ? "" : " (" + m.note() + ")";
  }

  private static String colour(String status) {
    return STATUS_COLOURS.getOrDefault(status, OTHER);
  }

  /** A round step (1, 2 or 5 times a power of ten ms) giving at most ten ticks. */
  static long step(long end) {
    long step = 100;
    while (true) {
      for (int f : new int[] {1, 2, 5}) {
        if (end / (step * f) <= 10) {
          return step * f;
        }
      }
      step *= 10;
    }
  }

  private static String seconds(long millis, long step) {
    if (step < 1000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long s = millis / 1000;
    return s >= 120 && s % 60 == 0 ? s / 60 + " min" : s + " s";
  }

  static String seconds(long millis) {
    return millis < 10_000
        ? String.format(Locale.ROOT, "%.2f s", millis / 1000.0)
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private void tooltip(String text) {
    svg.append("<title>").append(escape(cut(text, 300))).append("</title>");
  }

  private void rect(double x, double y, double w, double h, String fill, String stroke) {
    rect(x, y, w, h, fill, stroke, null);
  }

  private void rect(
      double x, double y, double w, double h, String fill, String stroke, String opacity) {
    svg.append("<rect x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" width=\"")
        .append(fmt(w))
        .append("\" height=\"")
        .append(fmt(h))
        .append("\" fill=\"")
        .append(fill)
        .append('"');
    if (stroke != null) {
      svg.append(" stroke=\"").append(stroke).append('"');
    }
    if (opacity != null) {
      svg.append(" fill-opacity=\"").append(opacity).append('"');
    }
    svg.append("/>");
  }

  private void circle(double x, double y, double r, String fill, String stroke) {
    svg.append("<circle cx=\"")
        .append(fmt(x))
        .append("\" cy=\"")
        .append(fmt(y))
        .append("\" r=\"")
        .append(fmt(r))
        .append("\" fill=\"")
        .append(fill)
        .append('"');
    if (stroke != null) {
      svg.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
    }
    svg.append("/>");
  }

  private void triangle(double x, double y, String fill) {
    svg.append("<path d=\"M")
        .append(fmt(x))
        .append(' ')
        .append(fmt(y - 6))
        .append(" L")
        .append(fmt(x + 6))
        .append(' ')
        .append(fmt(y + 5))
        .append(" L")
        .append(fmt(x - 6))
        .append(' ')
        .append(fmt(y + 5))
        .append(" Z\" fill=\"")
        .append(fill)
        .append("\"/>");
  }

  private void line(
      double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    svg.append("<line x1=\"")
        .append(fmt(x1))
        .append("\" y1=\"")
        .append(fmt(y1))
        .append("\" x2=\"")
        .append(fmt(x2))
        .append("\" y2=\"")
        .append(fmt(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(fmt(width))
        .append('"');
    if (dash != null) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append("/>");
  }

  private void text(
      double x, double y, String escaped, String size, String weight, String fill, String anchor) {
    svg.append("<text x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" font-size=\"")
        .append(size)
        .append("\" font-weight=\"")
        .append(weight)
        .append("\" fill=\"")
        .append(fill)
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\">")
        .append(escaped)
        .append("</text>");
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }

  /** XML text and attribute escaping, and no character XML 1.0 forbids. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          boolean allowed =
              c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || c >= 0xE000;
          boolean surrogate = Character.isSurrogate(c);
          out.append(allowed || surrogate ? c : '\uFFFD');
        }
      }
    }
    return out.toString();
  }
}
