package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/** Small helpers over the spec's JSON tree. */
final class Schemas {

  private Schemas() {}

  /** The schema itself, or the target of its local {@code $ref} (followed until it has none). */
  static JsonNode resolve(JsonNode document, JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; hops < 16 && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return current;
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }
}
