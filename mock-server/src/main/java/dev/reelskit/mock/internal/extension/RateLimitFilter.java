package dev.reelskit.mock.internal.extension;

import java.time.Duration;
import java.util.Map;

/** 429 with {@code Retry-After} once a token has sent its requests for the sliding minute. */
final class RateLimitFilter extends ApiFilter {

  private final RateLimiter limiter;

  RateLimitFilter(RateLimiter limiter, SpecResponses spec, ApiRequest.Views views) {
    super("reels-rate-limit", spec, views);
    this.limiter = limiter;
  }

  @Override
  ApiResponse refuse(ApiRequest request) {
    Duration wait = limiter.admitRequest(request.token(), request.tenant().now());
    return wait == null
        ? null
        : tooMany(limiter, spec, "RateLimitedError", request.operation(), "rate-limited", wait);
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
