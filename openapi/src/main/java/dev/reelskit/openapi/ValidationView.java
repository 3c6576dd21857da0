package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The strict view of the spec that validators read: the published document plus
 *
 * <ul>
 *   <li>on {@code ReelJob}, a {@code oneOf} with one branch per lifecycle state that pins the
 *       status and makes each governed field non-null (a non-empty string, an object) or null,
 *       derived from {@code x-lifecycle};
 *   <li>on every schema that lists its accepted forms in {@code x-one-of} (the unions where the
 *       documentation leaves a choice: {@code Hooks}, {@code Topics}, ...), those forms as a real
 *       {@code oneOf}.
 * </ul>
 *
 * <p>The published document leaves both out because code generators cannot write them (a "must be
 * null" branch, or a {@code oneOf} of a string and an array, made typescript-fetch or Java {@code
 * native} emit code that does not compile); validators such as Atlassian's enforce them, so they
 * get them here, never written twice.
 */
final class ValidationView {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ValidationView() {}

  /** The vendor extension that lists a union's accepted forms in the published document. */
  static final String ONE_OF_EXTENSION = "x-one-of";

  static JsonNode of(JsonNode published, Lifecycle lifecycle) {
    ObjectNode document = published.deepCopy();
    unionsAsOneOf(document);
    ObjectNode job = (ObjectNode) document.at("/components/schemas/ReelJob");
    ArrayNode oneOf = job.putArray("oneOf");
    for (Lifecycle.State state : lifecycle.states()) {
      oneOf.add(branch(published, job, lifecycle, state));
    }
    return document;
  }

  /** Every {@code x-one-of} in the document becomes a {@code oneOf}; examples are left alone. */
  private static void unionsAsOneOf(JsonNode node) {
    if (node.isArray()) {
      node.forEach(ValidationView::unionsAsOneOf);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    JsonNode forms = object.remove(ONE_OF_EXTENSION);
    if (forms != null) {
      if (!forms.isArray() || forms.isEmpty() || object.has("oneOf")) {
        throw new IllegalArgumentException(
            ONE_OF_EXTENSION
                + " must be a non-empty list of schemas on a schema without oneOf: "
                + object);
      }
      object.set("oneOf", forms);
    }
    object
        .properties()
        .forEach(
            e -> {
              if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                unionsAsOneOf(e.getValue());
              }
            });
  }

  private static ObjectNode branch(
      JsonNode published, ObjectNode job, Lifecycle lifecycle, Lifecycle.State state) {
    ObjectNode branch = JSON.objectNode();
    branch.put("title", "ReelJob when " + lifecycle.statusProperty() + " is " + state.name());
    // Atlassian's validator closes a oneOf branch to the properties it names unless told otherwise.
    branch.put("additionalProperties", true);
    ArrayNode required = branch.putArray("required").add(lifecycle.statusProperty());
    ObjectNode properties = branch.putObject("properties");
    properties
        .putObject(lifecycle.statusProperty())
        .put("type", "string")
        .putArray("enum")
        .add(state.name());
    for (String field : lifecycle.fields()) {
      required.add(field);
      String type =
          Schemas.resolve(published, job.path("properties").path(field))
              .path("type")
              .asText("object");
      ObjectNode constraint = properties.putObject(field).put("type", type);
      if (state.sets().contains(field)) {
        if ("string".equals(type)) {
          constraint.put("minLength", 1);
        }
      } else {
        constraint.put("nullable", true).putArray("enum").addNull();
      }
    }
    return branch;
  }
}
