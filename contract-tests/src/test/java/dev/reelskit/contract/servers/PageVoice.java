package dev.reelskit.contract.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelskit.openapi.DocBody;
import dev.reelskit.openapi.DocPage;
import dev.reelskit.openapi.DocPages;
import dev.reelskit.openapi.ReelsJson;
import java.net.URI;
import java.util.Optional;

/**
 * Whose version of each documented body a {@link ReelsTestServer} sends: one documentation page's,
 * read from its fixture ({@code openapi/doc-pages/<page>.yaml}). For a situation the page shows a
 * body for, that body (a host the page names is replaced by the submitted URL's); for one it only
 * has a general rule for ({@code shapes}, e.g. the overview's "every error is {"error":
 * "message"}"), the rule's form carrying the server's own text; otherwise the server's own body.
 *
 * @param shapesOnly use only the page's general rules, never its example bodies (the errors page's
 *     "{"message": "...", "status": "error"}" on every 400 too)
 */
public record PageVoice(String page, boolean shapesOnly) {

  public static PageVoice of(String page) {
    return new PageVoice(page, false);
  }

  public static PageVoice shapesOf(String page) {
    return new PageVoice(page, true);
  }

  @Override
  public String toString() {
    return page + (shapesOnly ? " page's general body rules" : " page's bodies");
  }

  /** The page's body of its own for {@code trigger}, if it shows one. */
  Optional<DocBody> bodyFor(String trigger) {
    if (shapesOnly) {
      return Optional.empty();
    }
    return DocPages.get().page(page).bodies().stream()
        .filter(b -> b.situation().trigger().equals(trigger) && b.at().isEmpty())
        .findFirst();
  }

  /**
   * The JSON to send for an error of {@code trigger} with {@code status}, given the server's own
   * body; {@code submittedUrl} names the host where the page's text names one. Empty when the page
   * says nothing of it.
   */
  Optional<String> errorBody(String trigger, int status, String own, String submittedUrl) {
    Optional<DocBody> body = bodyFor(trigger);
    if (body.isPresent()) {
      return Optional.of(withHost(body.get().body().toString(), submittedUrl));
    }
    for (DocPage.Shape shape : DocPages.get().page(page).shapes()) {
      if (shape.appliesTo(status)) {
        ObjectNode form = (ObjectNode) shape.body().deepCopy();
        String text = text(own);
        form.fieldNames()
            .forEachRemaining(
                name -> {
                  if (shape.placeholders().contains("/" + name)) {
                    form.put(name, text);
                  }
                });
        return Optional.of(form.toString());
      }
    }
    return Optional.empty();
  }

  /** The failed job's reason the page shows, or the server's own. */
  String jobError(String own) {
    return bodyFor("job-failed").map(b -> b.body().path("error").asText()).orElse(own);
  }

  private static String withHost(String json, String submittedUrl) {
    if (submittedUrl == null) {
      return json;
    }
    String example =
        host(DocPages.get().trigger("submit-not-instagram").request().body().path("url").asText());
    String host = host(submittedUrl);
    if (example == null || host == null) {
      return json;
    }
    return json.replace("\\\"" + example + "\\\"", "\\\"" + host + "\\\"");
  }

  private static String host(String url) {
    try {
      String host = new URI(url).getHost();
      return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(String json) {
    try {
      JsonNode node = ReelsJson.mapper().readTree(json);
      return node.hasNonNull("message")
          ? node.path("message").asText()
          : node.path("error").asText("error");
    } catch (Exception e) {
      return "error";
    }
  }
}
