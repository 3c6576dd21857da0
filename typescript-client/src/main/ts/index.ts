// The package's entry: the generated types under names a frontend reads, a client that keeps
// within the documented limits, and waitForJob.
export type { components, operations, paths } from "./schema.js";
export type * from "./types.js";
export { type Clock, systemClock } from "./clock.js";
export { DOCUMENTED_LIMITS, DOCUMENTED_RETRY, type Limits, type RetryPolicy } from "./limits.js";
export {
  type ErrorContext,
  type Operation,
  ReelsApiError,
  ReelsError,
  ReelsNetworkError,
  ReelsTimeoutError,
} from "./errors.js";
export {
  type Answer,
  createReelsClient,
  type ReelsClient,
  type ReelsClientOptions,
  type RequestOptions,
  type RetryEvent,
} from "./client.js";
export { type WaitOptions, waitForJob } from "./wait.js";
