package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.openapi.DocBody;
import dev.reelskit.openapi.DocPages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The error texts the suite accepts, read from the documentation pages' fixtures ({@link
 * DocPages}): every page's version of a body is accepted, so a server that follows any page passes.
 */
final class DocumentedTexts {

  private static final DocPages DOCS = DocPages.get();

  private DocumentedTexts() {}

  /**
   * Every page's text for a body of {@code trigger}, whichever of "error" or "message" holds it.
   */
  static List<String> of(String trigger) {
    Set<String> texts = new LinkedHashSet<>();
    for (DocBody b : DOCS.bodiesFor(trigger)) {
      if (b.placeholders().isEmpty()) {
        texts.add(text(b.body()));
      }
    }
    return List.copyOf(texts);
  }

  /**
   * The texts a 401 may carry: a refused Bearer token gets the invalid-token text; a request with
   * no Bearer token (no header, another scheme, a bare token) the missing-token texts too (the
   * errors page's "API token required ...", the analyze page's "invalid API token").
   */
  static List<String> unauthorized(boolean bearerTokenSent) {
    Set<String> texts = new LinkedHashSet<>(of("invalid-token"));
    if (!bearerTokenSent) {
      texts.addAll(of("no-token"));
    }
    return List.copyOf(texts);
  }

  /**
   * The texts a 400 for {@code url} may carry: the analyze page's short one, and each page's text
   * that names the host of its own example URL (the errors page's {@code got "tiktok.com"}) with
   * that host replaced by this URL's, with or without a leading {@code www.}.
   */
  static List<String> notInstagram(String url) {
    String exampleHost =
        host(DOCS.trigger("submit-not-instagram").request().body().path("url").asText());
    String host = host(url);
    Set<String> texts = new LinkedHashSet<>();
    for (String text : of("submit-not-instagram")) {
      String named = "\"" + exampleHost + "\"";
      if (exampleHost == null || !text.contains(named)) {
        texts.add(text);
      } else if (host != null) {
        texts.add(text.replace(named, "\"" + host + "\""));
        texts.add(text.replace(named, "\"" + withoutWww(host) + "\""));
        texts.add(text.replace(named, "\"" + "www." + withoutWww(host) + "\""));
      }
    }
    return List.copyOf(texts);
  }

  /** The text of a body: its "message", else its "error". */
  static String text(JsonNode body) {
    return body.hasNonNull("message") ? body.path("message").asText() : body.path("error").asText();
  }

  /** The host of a URL, lower case and without a leading www., or null when it has none. */
  private static String host(String url) {
    try {
      String host = new URI(url).getHost();
      return host == null ? null : withoutWww(host.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String withoutWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
