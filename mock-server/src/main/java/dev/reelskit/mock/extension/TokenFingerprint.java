package dev.reelskit.mock.extension;

/** Tokens are secrets: this is the only form in which the mock shows, logs or records one. */
public final class TokenFingerprint {

  /** The fingerprint of a request without a Bearer token. */
  public static final String NONE = "<none>";

  private static final String PREFIX = "ist_";

  private TokenFingerprint() {}

  /** {@code ist_****3f9a}: the prefix and, for tokens long enough to spare them, the last 4 characters. */
  public static String of(String token) {
    if (token == null || token.isEmpty()) {
      return NONE;
    }
    String prefix = token.startsWith(PREFIX) ? PREFIX : "";
    String tail = token.length() >= 12 ? token.substring(token.length() - 4) : "";
    return prefix + "****" + tail;
  }
}
