package dev.reelskit.contract.internal.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import dev.reelskit.contract.rules.ContractConfigurationException;
import dev.reelskit.openapi.ReelsApiSpec;
import io.restassured.response.Response;
import java.util.List;

/**
 * Atlassian's OpenAPI validator over the packaged spec, for responses only: the suite sends
 * deliberately bad requests (no token, no url) whose request-side findings are the point, not a
 * fault.
 */
final class SpecValidator {

  private static volatile OpenApiInteractionValidator validator;

  private SpecValidator() {}

  static List<String> validateResponse(String path, String method, Response response) {
    ValidationReport report =
        get()
            .validateResponse(
                path, Request.Method.valueOf(method), RestAssuredResponse.of(response));
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList();
  }

  /** Parses the spec once; an unreadable spec is a configuration problem, not a server fault. */
  static OpenApiInteractionValidator get() {
    OpenApiInteractionValidator v = validator;
    if (v == null) {
      synchronized (SpecValidator.class) {
        if (validator == null) {
          try {
            validator =
                OpenApiInteractionValidator.createForInlineApiSpecification(
                        ReelsApiSpec.get().validationYaml())
                    .withLevelResolver(
                        LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
          } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new ContractConfigurationException(
                "the OpenAPI document cannot be read: " + e, e);
          }
        }
        v = validator;
      }
    }
    return v;
  }
}
