// reels-api-msw: the Reels API for MSW (Mock Service Worker), with jobs that move.
export { createReelsMock, type ReelsMock, type ReelsMockOptions } from "./handlers.js";
export { ReelsApi, renderJob, type ApiAnswer, type ApiRequest } from "./api.js";
export { mockClock, type MockClock } from "./clock.js";
export { JobStore, outcomeForUrl, outcomes, reelCode, type Job, type Outcome } from "./jobs.js";
export { statuses, type JobStatus } from "./lifecycle.js";
export {
  DIMENSIONS,
  LARGE_ID_OFFSET,
  READING_COUNT,
  describeReading,
  readingNumbered,
  readingOfUrl,
  type Reading,
  type Readings,
} from "./readings.js";
export { profiles, timingFor, type JobTiming, type ProfileName } from "./timing.js";
export { checkToken, type TokenRuleOptions, type Verdict } from "./tokens.js";
export { data as specData } from "./data.js";
