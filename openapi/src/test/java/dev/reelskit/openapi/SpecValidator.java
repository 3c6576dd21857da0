package dev.reelskit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;

/** Atlassian's OpenAPI validator over the packaged spec, reduced to what these tests ask. */
final class SpecValidator {

  static final String TOKEN = "ist_exampleToken0123456789abcdefgh";

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(
              ReelsApiSpec.get().validationYaml())
          .build();

  private SpecValidator() {}

  /** Error-level problems of a JSON response to {@code method path}, empty when it conforms. */
  static List<String> responseProblems(
      Request.Method method, String path, int status, String json, String retryAfter) {
    SimpleResponse.Builder response =
        SimpleResponse.Builder.status(status).withContentType("application/json").withBody(json);
    if (retryAfter != null) {
      response.withHeader("Retry-After", retryAfter);
    }
    return errors(VALIDATOR.validateResponse(path, method, response.build()));
  }

  /** Error-level problems of an authenticated JSON POST to the analyze operation. */
  static List<String> analyzeRequestProblems(String json) {
    SimpleRequest request =
        SimpleRequest.Builder.post(ReelsApiSpec.ANALYZE_PATH)
            .withContentType("application/json")
            .withAuthorization("Bearer " + TOKEN)
            .withBody(json)
            .build();
    return errors(VALIDATOR.validateRequest(request));
  }

  /**
   * Error-level problems of a job body answered to {@code GET /api/v1/reels/{id}} under another
   * spec.
   */
  static List<String> jobProblems(String specYaml, String json) {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(specYaml).build();
    return errors(
        validator.validateResponse(
            "/api/v1/reels/7",
            Request.Method.GET,
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody(json)
                .build()));
  }

  private static List<String> errors(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
  }
}
