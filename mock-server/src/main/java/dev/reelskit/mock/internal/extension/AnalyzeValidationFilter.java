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
        body.message() != null
            ? SpecResponses.errorBytes(new MessageError().message(body.message()))
            : switch (body.rejection()) {
              case "url-required" -> spec.body("UrlRequiredError");
              default -> spec.body("NotInstagramError");
            };
    return ApiResponse.rejected(400, bytes, Route.ANALYZE, body.rejection());
  }
}
