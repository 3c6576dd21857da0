package dev.reelskit.contract.internal.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import dev.reelskit.contract.rules.ContractConfigurationException;
import dev.reelskit.openapi.ReelsApiSpec;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Atlassian's OpenAPI validator over the packaged spec, for responses only: the suite sends
 * deliberately bad requests (no token, no url) whose request-side findings are the point, not a
 * fault.
 */
final class SpecValidator {

  private static volatile OpenApiInteractionValidator validator;

  private SpecValidator() {}

  /** The findings kept of one response; the rest are counted. */
  static final int MAX_FINDINGS = 10;

  /**
   * The largest body validated, in JSON tokens. The validator's cost grows with every value, and
   * faster than linearly with wrong ones (measured: 2,000 tokens of wrong key moments take it 0.7 s
   * and 70 MB, 40,000 wrong subjects 11 s and 2.2 GB); the documented done job has 113 tokens.
   */
  static final int MAX_TOKENS = 2_000;

  /**
   * The largest body validated, in characters: the validator quotes wrong values in its messages
   * and copies each message several times over (a 1 MB status failing the enum cost it more than 60
   * MB); the documented done job has about 1,700.
   */
  static final int MAX_CHARS = 64 * 1024;

  /**
   * What is wrong with the response by the spec: at most {@value #MAX_FINDINGS} findings, each cut
   * to a report row. A body past the parse budget, of more than {@value #MAX_CHARS} characters or
   * of more than {@value #MAX_TOKENS} tokens is not handed to the validator, and that is the one
   * finding.
   */
  static List<String> validateResponse(String path, String method, Response response, String body) {
    long tokens = body == null ? 0 : BoundedJson.tokens(body, Long.MAX_VALUE);
    if (tokens < 0) {
      return List.of(
          "validation.response.body: not read: more than "
              + BoundedJson.MAX_DEPTH
              + " levels of nesting or "
              + BoundedJson.MAX_TOKENS
              + " JSON tokens (the suite's parse budget)");
    }
    if (body != null && body.length() > MAX_CHARS) {
      return List.of(
          "validation.response.body: not validated: "
              + body.length()
              + " characters, more than "
              + MAX_CHARS
              + " (the OpenAPI validator's budget; the documented bodies have at most about 1,700)");
    }
    if (tokens > MAX_TOKENS) {
      return List.of(
          "validation.response.body: not validated: more than "
              + MAX_TOKENS
              + " JSON tokens (the OpenAPI validator's budget; the documented bodies have at most"
              + " about 120)");
    }
    ValidationReport report =
        get()
            .validateResponse(
                path, Request.Method.valueOf(method), RestAssuredResponse.of(response));
    List<String> errors =
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .map(m -> ServerText.cut(m.getKey() + ": " + m.getMessage(), ServerText.ROW))
            .toList();
    if (errors.size() <= MAX_FINDINGS) {
      return errors;
    }
    List<String> kept = new ArrayList<>(errors.subList(0, MAX_FINDINGS));
    kept.add("... and " + (errors.size() - MAX_FINDINGS) + " more findings in this response");
    return kept;
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
