package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecDocumentTest {

  private static final SwaggerParseResult PARSED = parse();

  private static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return new OpenAPIV3Parser().readContents(ReelsApiSpec.get().yaml(), null, options);
  }

  private static OpenAPI api() {
    return PARSED.getOpenAPI();
  }

  private static Operation analyze() {
    return api().getPaths().get(ReelsApiSpec.ANALYZE_PATH).getPost();
  }

  private static Operation getReel() {
    return api().getPaths().get(ReelsApiSpec.JOB_PATH).getGet();
  }

  @Test
  void parses_without_errors_or_warnings() {
    assertThat(PARSED.getMessages()).isEmpty();
    assertThat(api().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void has_exactly_the_two_documented_operations_with_operation_ids() {
    assertThat(api().getPaths()).containsOnlyKeys(ReelsApiSpec.ANALYZE_PATH, ReelsApiSpec.JOB_PATH);
    assertThat(analyze().getOperationId()).isEqualTo("analyzeReel");
    assertThat(getReel().getOperationId()).isEqualTo("getReel");
  }

  @Test
  void documents_every_response_status_of_both_operations() {
    assertThat(analyze().getResponses()).containsOnlyKeys("202", "400", "401", "403", "429", "500");
    assertThat(getReel().getResponses())
        .containsOnlyKeys("200", "400", "401", "403", "404", "429", "500");
  }

  @Test
  void every_response_has_a_json_schema_and_a_named_example() {
    List<String> missing = new ArrayList<>();
    for (Operation operation : List.of(analyze(), getReel())) {
      for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
        MediaType json = response.getValue().getContent().get("application/json");
        String where = operation.getOperationId() + " " + response.getKey();
        if (json == null || json.getSchema() == null) {
          missing.add(where + " has no application/json schema");
        } else if (json.getExamples() == null || json.getExamples().isEmpty()) {
          missing.add(where + " has no named example");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void too_many_requests_declares_retry_after() {
    assertThat(analyze().getResponses().get("429").getHeaders()).containsKey("Retry-After");
    assertThat(getReel().getResponses().get("429").getHeaders()).containsKey("Retry-After");
  }

  @Test
  void requires_a_bearer_token_that_starts_with_ist() {
    var scheme = api().getComponents().getSecuritySchemes().get("bearerAuth");
    assertThat(scheme.getScheme()).isEqualTo("bearer");
    assertThat(scheme.getDescription()).contains("`ist_`");
    assertThat(api().getSecurity()).hasSize(1);
  }

  @Test
  void lists_production_and_the_local_mock_as_servers() {
    assertThat(api().getServers())
        .extracting(s -> s.getUrl())
        .containsExactly("https://api.instatollm.com", "http://localhost:8089");
  }

  @Test
  void never_forbids_additional_properties() {
    List<String> closed = new ArrayList<>();
    collectClosedSchemas(ReelsApiSpec.get().document(), "", closed);
    assertThat(closed).as("schemas with additionalProperties: false").isEmpty();
  }

  private static void collectClosedSchemas(JsonNode node, String path, List<String> closed) {
    if (node.path("additionalProperties").isBoolean()
        && !node.path("additionalProperties").asBoolean()) {
      closed.add(path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectClosedSchemas(node.get(i), path + "/" + i, closed);
      }
    }
    node.properties()
        .forEach(f -> collectClosedSchemas(f.getValue(), path + "/" + f.getKey(), closed));
  }
}
