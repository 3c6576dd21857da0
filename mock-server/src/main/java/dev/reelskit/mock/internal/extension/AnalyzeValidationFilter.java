package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.http.Request;
import dev.reelskit.openapi.model.MessageError;

/** 400 for a submission the spec refuses: no JSON object, no {@code url}, not an Instagram reel. */
final class AnalyzeValidationFilter extends ApiFilter {

  AnalyzeValidationFilter(SpecResponses spec) {
    super("reels-validation", spec);
  }

  @Override
  ApiResponse refuse(Request request, String path) {
    if (!Route.ANALYZE.equals(operationOf(request, path))) {
      return null;
    }
    AnalyzeBody body = AnalyzeBody.parse(request.getHeader("Content-Type"), request.getBody());
    return body.accepted() ? null : refusal(spec, body);
  }

  static ApiResponse refusal(SpecResponses spec, AnalyzeBody body) {
    byte[] bytes =
        switch (body.rejection()) {
          case "url-required" -> spec.body("UrlRequiredError");
          case "url-not-instagram" -> spec.body("NotInstagramError");
          default -> SpecResponses.errorBytes(new MessageError().message(body.message()));
        };
    return ApiResponse.rejected(400, bytes, Route.ANALYZE, body.rejection());
  }
}
