package dev.reelskit.mock.extension;

import dev.reelskit.mock.jobs.JobStore;
import dev.reelskit.openapi.ReelsApiSpec;

/** The parts of the API that the WireMock extensions share, wired once per server. */
public record ReelsApi(JobStore jobs, TokenRules tokens, ApiHandler handler) {

  /** @param rateLimit whether to emulate the documented limits (10 requests/min, 3 unfinished jobs) */
  public static ReelsApi create(JobStore jobs, TokenRules tokens, boolean rateLimit) {
    RateLimiter limiter = rateLimit ? new RateLimiter(10, 3, jobs) : null;
    return new ReelsApi(jobs, tokens,
        new ApiHandler(jobs, tokens, limiter, new SpecResponses(ReelsApiSpec.get())));
  }
}
