package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One body a documentation page shows, with the situation it belongs to and the page that shows it.
 * Where pages disagree, each page's version is its own {@code DocBody}, tagged with its page.
 *
 * @param id the body's name within its page ({@link #key()} is unique across pages)
 * @param at where the body sits in the response, as a JSON pointer ("" for the whole body)
 * @param placeholders pointers of values the page writes as a placeholder: only their type counts
 * @param elided pointers the page shows as {@code { ... }}: left out of every comparison
 */
public record DocBody(
    String page,
    String id,
    Situation situation,
    JsonNode body,
    String at,
    List<String> placeholders,
    List<String> elided,
    String says) {

  /**
   * When a page's body is sent.
   *
   * @param operation the spec's operationId, or {@code any} when the page speaks of both
   * @param trigger a key of {@code index.yaml}'s triggers ({@link DocPages#trigger(String)})
   */
  public record Situation(String operation, int status, String trigger) {

    /** Whether this situation can arise on {@code operationId}. */
    public boolean on(String operationId) {
      return operation.equals("any") || operation.equals(operationId);
    }
  }

  public DocBody {
    at = at == null ? "" : at;
    placeholders = List.copyOf(placeholders == null ? List.of() : placeholders);
    elided = List.copyOf(elided == null ? List.of() : elided);
  }

  DocBody onPage(String name) {
    return new DocBody(name, id, situation, body, at, placeholders, elided, says);
  }

  /** {@code page/id}, e.g. {@code errors/not-found}. */
  public String key() {
    return page + "/" + id;
  }

  /** The body as the page shows it, elided members left out (a fresh copy). */
  public JsonNode shown() {
    JsonNode copy = body.deepCopy();
    for (String pointer : elided) {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = copy.at(pointer.substring(0, slash));
      if (parent instanceof ObjectNode object) {
        object.remove(pointer.substring(slash + 1));
      }
    }
    return copy;
  }

  /**
   * How a response body differs from this one, compared as JSON: the part at {@link #at()} must
   * equal the page's body member for member (no member more or less), except that a placeholder
   * only needs the same JSON type and an elided member is not compared. Empty when they agree.
   */
  public List<String> differences(JsonNode response) {
    List<String> out = new ArrayList<>();
    JsonNode actual = response == null ? null : response.at(at);
    compare(at, body, actual == null || actual.isMissingNode() ? null : actual, out);
    return out;
  }

  private void compare(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
    String where = pointer.isEmpty() ? "/" : pointer;
    String local = pointer.substring(at.length());
    if (elided.contains(local)) {
      return;
    }
    if (actual == null) {
      out.add(where + ": expected " + expected + ", but it is absent");
      return;
    }
    if (placeholders.contains(local)) {
      if (!sameType(expected, actual)) {
        out.add(where + ": expected a " + expected.getNodeType() + " (any value), got " + actual);
      }
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        compare(child, e.getValue(), actual.get(e.getKey()), out);
      }
      for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        String child = local + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!expected.has(name) && !elided.contains(child)) {
          out.add(where + ": unexpected member \"" + name + "\": " + actual.get(name));
        }
      }
      return;
    }
    if (!equalValues(expected, actual)) {
      out.add(where + ": expected " + expected + ", got " + actual);
    }
  }

  private static boolean sameType(JsonNode expected, JsonNode actual) {
    if (expected.isNumber()) {
      return expected.isIntegralNumber() ? actual.isIntegralNumber() : actual.isNumber();
    }
    return expected.getNodeType() == actual.getNodeType();
  }

  private static boolean equalValues(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }
}
