package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.http.Request;
import java.time.Duration;
import java.util.Map;

/** 429 with {@code Retry-After} once a token has sent its requests for the sliding minute. */
final class RateLimitFilter extends ApiFilter {

  private final RateLimiter limiter;
  private final TokenRules tokens;

  RateLimitFilter(RateLimiter limiter, TokenRules tokens, SpecResponses spec) {
    super("reels-rate-limit", spec);
    this.limiter = limiter;
    this.tokens = tokens;
  }

  @Override
  ApiResponse refuse(Request request, String path) {
    String token = tokens.check(request.getHeader("Authorization")).token();
    Duration wait = limiter.admitRequest(token);
    return wait == null
        ? null
        : tooMany(
            limiter, spec, "RateLimitedError", operationOf(request, path), "rate-limited", wait);
  }

  static ApiResponse tooMany(
      RateLimiter limiter,
      SpecResponses spec,
      String example,
      String op,
      String rejection,
      Duration wait) {
    return new ApiResponse(
        429,
        spec.body(example),
        Map.of("Retry-After", Long.toString(limiter.wallSecondsFor(wait))),
        op,
        null,
        null,
        wait,
        rejection);
  }
}
