package dev.reelskit.mock.internal.logging;

/**
 * Anything a client sent, made safe for a log line: a job's URL, a path, a header. A terminal
 * reading the log obeys the control characters in it (ESC starts a sequence that can rewrite the
 * screen, set the window title or hide text; BEL rings), and a CR or LF forges a line of its own.
 * So every C0 and C1 control character, DEL, the line and paragraph separators and the bidi
 * overrides (which reorder what a reader sees) are written as visible escapes ({@code \x1b}, {@code
 * \u202e}; a backslash itself as two, so an escape is never ambiguous), and the text is cut to
 * {@value #MAX_CHARS} characters with its length said.
 */
public final class LogSafe {

  /** The most characters of one value a log line shows. */
  public static final int MAX_CHARS = 300;

  private LogSafe() {}

  /** {@code value} with every unsafe character escaped; "null" for null. */
  public static String text(String value) {
    if (value == null) {
      return "null";
    }
    int shown = Math.min(value.length(), MAX_CHARS);
    StringBuilder out = null;
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (unsafe(c) || c == '\\') {
        if (out == null) {
          out = new StringBuilder(shown + 16).append(value, 0, i);
        }
        if (c == '\\') {
          out.append("\\\\");
        } else if (c <= 0xff) {
          out.append(String.format("\\x%02x", (int) c));
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    String safe = out == null ? value.substring(0, shown) : out.toString();
    return shown < value.length() ? safe + "...(" + value.length() + " chars)" : safe;
  }

  /** Whether a terminal or a log reader would act on {@code c} instead of showing it. */
  static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
