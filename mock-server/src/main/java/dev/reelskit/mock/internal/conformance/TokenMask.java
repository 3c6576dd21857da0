package dev.reelskit.mock.internal.conformance;

/**
 * Tokens are secrets: this is the only form in which the kit shows, logs or records one ({@code
 * ist_****3f9a}). The mock's request filter, its traffic record, the client rules' reports and the
 * client runner's captured output all mask through here.
 */
public final class TokenMask {

  /** The fingerprint of a request without a Bearer token. */
  public static final String NONE = "<none>";

  private static final String PREFIX = "ist_";

  private TokenMask() {}

  /**
   * A fingerprint of {@code token}: the {@code ist_} prefix when present and at most the last four
   * characters. Values that are already fingerprints pass through unchanged.
   */
  public static String fingerprint(String token) {
    if (token == null || token.isBlank()) {
      return NONE;
    }
    if (token.equals(NONE) || token.contains("****")) {
      return token;
    }
    String prefix = token.startsWith(PREFIX) ? PREFIX : "";
    String rest = token.substring(prefix.length());
    // Short secrets would be shown whole by "last four": show nothing of them.
    String tail = rest.length() >= 12 ? rest.substring(rest.length() - 4) : "";
    return prefix + "****" + tail;
  }

  /** {@code text} with every occurrence of {@code token} replaced by its fingerprint. */
  public static String scrub(String text, String token) {
    if (text == null || token == null || token.isEmpty()) {
      return text;
    }
    return text.replace(token, fingerprint(token));
  }
}
