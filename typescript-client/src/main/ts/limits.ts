// What the client keeps to by default: the documented limits and the errors page's retry advice.
import { DOCUMENTED } from "./documented.js";

/** The limits a client keeps to, per token. */
export interface Limits {
  /** Requests in any `windowMs` (overview: 10 requests per minute). */
  readonly requests: number;
  readonly windowMs: number;
  /** Jobs submitted and not yet seen `done` or `error` (overview: 3 concurrent jobs). */
  readonly unfinishedJobs: number;
  /** The least gap between two reads of one job (result page: poll every 5 s). */
  readonly pollIntervalMs: number;
  /**
   * How long after its submission a job the client stopped reading still holds one of the
   * `unfinishedJobs` (the docs' own clients give up after 120 s), and `waitForJob`'s timeout.
   */
  readonly giveUpMs: number;
  /**
   * Added to the rate window: the server counts arrivals, the client counts departures, and the
   * network delays each request differently.
   */
  readonly marginMs: number;
}

/** How the client retries a transient answer. */
export interface RetryPolicy {
  /** Answers retried (errors page: 429, 500, 502 and 503). */
  readonly statuses: readonly number[];
  /** Attempts in all, the first included (errors page: at most 3). */
  readonly attempts: number;
  /**
   * The least wait before each retry (errors page: 1 s, then 2 s); the last one repeats. A
   * `Retry-After`, the rate budget or the poll spacing may ask for longer, and win.
   */
  readonly delaysMs: readonly number[];
}

/** The documented limits, plus a 1 s margin on the rate window. */
export const DOCUMENTED_LIMITS: Limits = Object.freeze({
  requests: DOCUMENTED.requestsPerWindow,
  windowMs: DOCUMENTED.windowMs,
  unfinishedJobs: DOCUMENTED.unfinishedJobs,
  pollIntervalMs: DOCUMENTED.pollIntervalMs,
  giveUpMs: DOCUMENTED.giveUpMs,
  marginMs: 1_000,
});

/** The errors page's advice. */
export const DOCUMENTED_RETRY: RetryPolicy = Object.freeze({
  statuses: Object.freeze([...DOCUMENTED.retryStatuses]),
  attempts: DOCUMENTED.retryAttempts,
  delaysMs: Object.freeze([...DOCUMENTED.retryDelaysMs]),
});

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date; `undefined` when
 * absent or unreadable.
 */
export function retryAfterMs(response: Response, nowEpochMs: number = Date.now()): number | undefined {
  const value = response.headers.get("Retry-After")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}
