package dev.reelskit.contract.internal.http;

/**
 * Text a server chose (a status, an id, a header, a body, an exception message quoting it), made
 * safe to print, record and report: control characters are escaped, so a server cannot forge a
 * report line, move the terminal's cursor or split a line, and anything longer than the place it
 * goes is cut, saying how long it was. Every server string passes here before it is printed.
 */
public final class ServerText {

  /** A status, an id or a header value inside a progress line or a timeline. */
  public static final int WORD = 64;

  /** One row of a finding or one line of progress. */
  public static final int ROW = 300;

  private ServerText() {}

  /**
   * {@code text} escaped and, past {@code max} characters, cut: {@code "abc... (1048576 chars)"};
   * null stays null.
   */
  public static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    int end = Math.min(text.length(), max);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never half a character
    }
    StringBuilder shown = new StringBuilder(end + 32);
    for (int i = 0; i < end; i++) {
      escape(text.charAt(i), shown);
    }
    if (end < text.length()) {
      shown.append("... (").append(text.length()).append(" chars)");
    }
    return shown.toString();
  }

  /**
   * A long text's cut form that still tells two texts apart: the start, the length and a hash of
   * the whole, e.g. {@code "abc... (1048576 chars, #1f2e3d4c)"}. Short texts stay as they are
   * (escaped), so a status of a correct server is recorded exactly.
   */
  public static String distinct(String text, int max) {
    if (text == null || text.length() <= max) {
      return cut(text, max);
    }
    String start = cut(text.substring(0, Math.max(0, max - 24)), max);
    return start
        + "... ("
        + text.length()
        + " chars, #"
        + String.format("%08x", text.hashCode())
        + ")";
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || bidiControl(c) || c == 0x2028 || c == 0x2029) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  /** Characters that reorder the text shown after them ("Trojan Source"). */
  private static boolean bidiControl(char c) {
    return (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }
}
