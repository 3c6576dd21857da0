package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.ReelsJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every documented response of every operation, with its named examples serialised once. The mock's
 * canned bodies and the {@code Prefer} header's choices both come from here, so they cannot drift
 * from the spec.
 */
final class SpecResponses {

  /**
   * One documented example response. {@code key} is the operation's name for it, {@code component}
   * the one under components/examples.
   */
  record Example(
      String operation,
      int status,
      String key,
      String component,
      JsonNode value,
      byte[] body,
      Integer retryAfterSeconds) {}

  private static final ObjectMapper WITHOUT_NULLS =
      ReelsJson.mapper().copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private final ReelsApiSpec spec;
  private final Map<String, List<Example>> byOperation = new LinkedHashMap<>();
  private final Map<String, byte[]> componentBodies = new LinkedHashMap<>();

  SpecResponses(ReelsApiSpec spec) {
    this.spec = spec;
    for (String name : spec.exampleNames()) {
      componentBodies.put(name, bytes(spec.example(name)));
    }
    JsonNode paths = spec.document().path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String operationId = op.getValue().path("operationId").asText();
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
          examples.addAll(examplesOf(operationId, response.getKey(), resolve(response.getValue())));
        }
        byOperation.put(operationId, examples);
      }
    }
  }

  /** The serialised value of {@code components/examples/<name>}. */
  byte[] body(String component) {
    byte[] body = componentBodies.get(component);
    if (body == null) {
      throw new IllegalArgumentException("the spec has no example named " + component);
    }
    return body;
  }

  /**
   * The example a {@code Prefer} header asks for: {@code code} alone picks that status's first
   * example, {@code example} alone the example with that name (operation key or component name),
   * both must agree when both are given.
   */
  Optional<Example> preferred(String operation, Integer code, String example) {
    for (Example e : byOperation.getOrDefault(operation, List.of())) {
      boolean codeOk = code == null || e.status() == code;
      boolean nameOk = example == null || example.equals(e.key()) || example.equals(e.component());
      if (codeOk && nameOk) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private List<Example> examplesOf(String operation, String status, JsonNode response) {
    List<Example> out = new ArrayList<>();
    JsonNode retryAfter = response.at("/headers/Retry-After/example");
    Integer retry = retryAfter.isMissingNode() ? null : retryAfter.asInt();
    for (Map.Entry<String, JsonNode> entry :
        response.path("content").path("application/json").path("examples").properties()) {
      String ref = entry.getValue().path("$ref").asText("");
      String component = ref.substring(ref.lastIndexOf('/') + 1);
      JsonNode value = spec.example(component);
      out.add(
          new Example(
              operation,
              Integer.parseInt(status),
              entry.getKey(),
              component,
              value,
              body(component),
              retry));
    }
    return out;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : spec.document().at(ref.asText().substring(1));
  }

  /**
   * An error model ({@code ApiError}, {@code MessageError}) without its unset fields: the schemas
   * require one field and do not allow the other to be null.
   */
  static byte[] errorBytes(Object model) {
    try {
      return WITHOUT_NULLS.writeValueAsBytes(model);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Object value) {
    try {
      return ReelsJson.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An admin answer: {@code body} as JSON with {@code status}. */
  static ResponseDefinition adminJson(int status, byte[] body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }
}
