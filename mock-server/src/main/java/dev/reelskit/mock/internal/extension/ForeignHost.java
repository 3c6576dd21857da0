package dev.reelskit.mock.internal.extension;

import dev.reelskit.openapi.ReelsApiSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The errors page's 400 for a URL of another site names that site: {@code URL must be an
 * instagram.com link, got "tiktok.com"}. The host is named without a leading {@code www.} (so that
 * {@code https://www.tiktok.com/...} gives the page's very text); a URL with no readable host, or
 * one on instagram.com itself (a story, plain http), gets the analyze page's short text instead.
 */
final class ForeignHost {

  /** The analyze page's text, which the errors page extends with the host. */
  static final String SHORT =
      ReelsApiSpec.get().example("NotInstagramError").path("message").asText();

  private static final Pattern HOST = Pattern.compile("[a-z0-9.-]{1,253}");

  private ForeignHost() {}

  /** The message naming the URL's host, or null for the short text. */
  static String message(String url) {
    String host;
    try {
      host = new URI(url.trim()).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (!HOST.matcher(host).matches() || host.equals("instagram.com")) {
      return null;
    }
    return SHORT + ", got \"" + host + "\"";
  }
}
