package dev.reelskit.mock.internal.extension;

import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.openapi.ReelsApiSpec;

/** The parts of the API that the WireMock extensions share, wired once per server. */
public record ReelsApi(JobStore jobs, TokenRules tokens, ApiHandler handler) {

  /** Without the rate limit emulation. */
  public static ReelsApi create(JobStore jobs, TokenRules tokens) {
    return create(jobs, tokens, 0, 0);
  }

  /**
   * @param requestsPerMinute requests per token in any minute of mock time; 0 turns the rate limit
   *     emulation off (then {@code maxUnfinishedJobs} is ignored)
   * @param maxUnfinishedJobs unfinished jobs per token (docs: 3)
   */
  public static ReelsApi create(JobStore jobs, TokenRules tokens, int requestsPerMinute,
      int maxUnfinishedJobs) {
    RateLimiter limiter = requestsPerMinute > 0
        ? new RateLimiter(requestsPerMinute, maxUnfinishedJobs, jobs) : null;
    return new ReelsApi(jobs, tokens,
        new ApiHandler(jobs, tokens, limiter, new SpecResponses(ReelsApiSpec.get())));
  }
}
