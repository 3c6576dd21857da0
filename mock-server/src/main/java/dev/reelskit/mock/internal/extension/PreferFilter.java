package dev.reelskit.mock.internal.extension;

import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.MessageError;
import java.time.Duration;
import java.util.Map;

/**
 * {@code Prefer} on a documented operation: {@code code=}/{@code example=} force a documented
 * response (Prism's convention); a {@code fault=} or {@code delay=} the mock cannot honour is a 400
 * here (honoured ones are applied to the response by {@link PreferFaultTransformer}), and so is a
 * {@code state=} on a POST that names no state (honoured ones pin the new job, in {@link
 * ReelsApiTransformer}).
 */
final class PreferFilter extends ApiFilter {

  PreferFilter(SpecResponses spec, ApiRequest.Views views) {
    super("reels-prefer", spec, views);
  }

  @Override
  ApiResponse refuse(ApiRequest request) {
    String op = request.operation();
    PreferHeader prefer = op == null ? null : request.prefer();
    if (prefer == null) {
      return null;
    }
    if (prefer.invalid() != null) {
      return badRequest(op, prefer.invalid());
    }
    if (prefer.forcesResponse()) {
      return forced(op, prefer); // a forced response creates no job, so a state= is moot
    }
    if (Route.ANALYZE.equals(op) && prefer.invalidState() != null) {
      return badRequest(op, prefer.invalidState());
    }
    return null;
  }

  private ApiResponse forced(String op, PreferHeader prefer) {
    return spec.preferred(op, prefer.code(), prefer.example())
        .map(
            e -> {
              JobStatus shown =
                  e.value().has("status") && e.value().has("created_at")
                      ? JobStatus.fromValue(e.value().get("status").asText())
                      : null;
              Map<String, String> headers =
                  e.retryAfterSeconds() == null
                      ? Map.of()
                      : Map.of("Retry-After", e.retryAfterSeconds().toString());
              Duration retry =
                  e.retryAfterSeconds() == null ? null : Duration.ofSeconds(e.retryAfterSeconds());
              return new ApiResponse(
                  e.status(), e.body(), headers, op, null, shown, retry, "forced");
            })
        .orElseGet(
            () ->
                badRequest(
                    op,
                    "Prefer asks for a response "
                        + op
                        + " does not document (code="
                        + prefer.code()
                        + ", example="
                        + prefer.example()
                        + ")"));
  }

  private static ApiResponse badRequest(String op, String message) {
    return ApiResponse.rejected(
        400, SpecResponses.errorBytes(new MessageError().message(message)), op, "prefer-unknown");
  }
}
