package dev.reelskit.mock.internal.extension;

import dev.reelskit.openapi.model.MessageError;

/** 400 for a submission the spec refuses: no JSON object, no {@code url}, not an Instagram reel. */
final class AnalyzeValidationFilter extends ApiFilter {

  AnalyzeValidationFilter(SpecResponses spec, ApiRequest.Views views) {
    super("reels-validation", spec, views);
  }

  @Override
  ApiResponse refuse(ApiRequest request) {
    if (!Route.ANALYZE.equals(request.operation())) {
      return null;
    }
    AnalyzeBody body = request.analyzeBody();
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
