package dev.reelskit.mock.internal.extension;

import java.util.Locale;

/**
 * Prism's convention for forcing a documented response: {@code Prefer: code=404} and/or {@code
 * Prefer: example=doneNoSpeech}.
 */
record PreferHeader(Integer code, String example) {

  /** The preferences in a header value, null when it asks for nothing the mock understands. */
  static PreferHeader parse(String header) {
    if (header == null) {
      return null;
    }
    Integer code = null;
    String example = null;
    for (String part : header.split("[,;]")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      String key = kv[0].trim().toLowerCase(Locale.ROOT);
      String value = kv[1].trim().replace("\"", "");
      if (key.equals("code")) {
        try {
          code = Integer.valueOf(value);
        } catch (NumberFormatException e) {
          code = -1; // asked for, but not a status code: answered as not documented
        }
      } else if (key.equals("example")) {
        example = value;
      }
    }
    return code == null && example == null ? null : new PreferHeader(code, example);
  }
}
