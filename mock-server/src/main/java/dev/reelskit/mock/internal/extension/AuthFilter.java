package dev.reelskit.mock.internal.extension;

/**
 * 401 for a missing, malformed, unknown or revoked token, 403 for one without permission. A request
 * that carries no Bearer token at all (no header, another scheme, a bare token) gets the errors
 * page's "API token required" body; a Bearer token that is refused gets "invalid API token".
 */
final class AuthFilter extends ApiFilter {

  AuthFilter(SpecResponses spec, ApiRequest.Views views) {
    super("reels-auth", spec, views);
  }

  @Override
  ApiResponse refuse(ApiRequest request) {
    TokenRules.Check auth = request.auth();
    String op = request.operation();
    return switch (auth.verdict()) {
      case MISSING ->
          ApiResponse.rejected(401, spec.body("MissingTokenError"), op, "missing-token");
      case INVALID ->
          ApiResponse.rejected(
              401,
              spec.body(auth.token() == null ? "MissingTokenError" : "InvalidTokenError"),
              op,
              "invalid-token");
      case REVOKED ->
          ApiResponse.rejected(401, spec.body("InvalidTokenError"), op, "revoked-token");
      case FORBIDDEN -> ApiResponse.rejected(403, spec.body("ForbiddenError"), op, "forbidden");
      case VALID -> null;
    };
  }
}
