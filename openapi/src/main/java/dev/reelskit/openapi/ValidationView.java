package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The strict view of the spec that validators read: the published document plus, on
 * {@code ReelJob}, a {@code oneOf} with one branch per lifecycle state that pins the status and
 * makes each governed field non-null (a non-empty string, an object) or null.
 *
 * <p>The published document leaves this {@code oneOf} out because code generators cannot write a
 * "must be null" branch (typescript-fetch and Java {@code native} emit code that does not compile);
 * validators such as Atlassian's enforce it, so they get it here, derived from {@code x-lifecycle}
 * and never written twice.
 */
final class ValidationView {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ValidationView() {}

  static JsonNode of(JsonNode published, Lifecycle lifecycle) {
    ObjectNode document = published.deepCopy();
    ObjectNode job = (ObjectNode) document.at("/components/schemas/ReelJob");
    ArrayNode oneOf = job.putArray("oneOf");
    for (Lifecycle.State state : lifecycle.states()) {
      oneOf.add(branch(published, job, lifecycle, state));
    }
    return document;
  }

  private static ObjectNode branch(JsonNode published, ObjectNode job, Lifecycle lifecycle, Lifecycle.State state) {
    ObjectNode branch = JSON.objectNode();
    branch.put("title", "ReelJob when " + lifecycle.statusProperty() + " is " + state.name());
    // Atlassian's validator closes a oneOf branch to the properties it names unless told otherwise.
    branch.put("additionalProperties", true);
    ArrayNode required = branch.putArray("required").add(lifecycle.statusProperty());
    ObjectNode properties = branch.putObject("properties");
    properties.putObject(lifecycle.statusProperty()).put("type", "string").putArray("enum").add(state.name());
    for (String field : lifecycle.fields()) {
      required.add(field);
      String type = Schemas.resolve(published, job.path("properties").path(field)).path("type").asText("object");
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
