package dev.reelskit.mock.internal.net;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --allowed-origin}: {@code [scheme://]host[:port]}. A missing scheme means http or
 * https, a missing port or {@code *} any port, a host {@code *.name} any subdomain of name; {@code
 * *} alone is any origin. Matched against a browser's {@code Origin} header without DNS.
 *
 * @param schemes the schemes it admits
 * @param host a host as {@link HostNames#hostOf} gives it, or {@code *.suffix}; null for any origin
 * @param port the port it admits, null for any
 */
public record OriginPattern(List<String> schemes, String host, String port) {

  /** The value that admits every origin. */
  public static final String ANY = "*";

  private static final Pattern TEXT =
      Pattern.compile(
          "(?:(https?)://)?(\\*\\.[^:/\\[\\]]+|[^:/\\[\\]*]+|\\[[0-9a-f:.]+\\])(?::(\\*|\\d{1,5}))?/?");
  private static final Pattern ORIGIN =
      Pattern.compile("(https?)://([^/:\\[\\]]+|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?");

  /** The loopback origins every mock admits, on http or https and any port. */
  public static final List<OriginPattern> LOOPBACK =
      List.of(parse("localhost"), parse("*.localhost"), parse("127.0.0.1"), parse("[::1]"));

  /**
   * @throws IllegalArgumentException naming the expected form when {@code text} is not one
   */
  public static OriginPattern parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals(ANY)) {
      return new OriginPattern(List.of("http", "https"), null, null);
    }
    Matcher m = TEXT.matcher(value);
    String host = m.matches() ? m.group(2) : null;
    if (host == null || !HostNames.isValidAllowedHost(host)) {
      throw new IllegalArgumentException(
          "allowed-origin must be [scheme://]host[:port] (host may be *.name, port may be *;"
              + " e.g. http://192.168.1.20:5173, https://localhost:*, *.localhost), was '"
              + text
              + "'");
    }
    String port = m.group(3) == null || m.group(3).equals("*") ? null : m.group(3);
    return new OriginPattern(
        m.group(1) == null ? List.of("http", "https") : List.of(m.group(1)), host, port);
  }

  /** Whether a page of {@code origin} (an {@code Origin} header) is admitted. */
  public boolean admits(String origin) {
    if (origin == null) {
      return false;
    }
    Matcher m = ORIGIN.matcher(origin.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || !schemes.contains(m.group(1))) {
      return false;
    }
    String h = HostNames.hostOf(m.group(2));
    if (h == null) {
      return false;
    }
    boolean hostOk = host == null || HostNames.matches(host, h);
    return hostOk && (port == null || port.equals(m.group(3)));
  }

  /** As given on the command line, normalised. */
  @Override
  public String toString() {
    if (host == null) {
      return ANY;
    }
    return (schemes.size() == 1 ? schemes.get(0) + "://" : "")
        + host
        + (port == null ? "" : ":" + port);
  }
}
