// Polls one job until it is done or error, on a schedule that keeps within the documented limits.
import type { ReelsClient, RetryEvent } from "./client.js";
import { ReelsApiError, ReelsTimeoutError } from "./errors.js";
import type { JobStatus, ReelJob, TerminalJob } from "./types.js";

export interface WaitOptions {
  /**
   * The first poll, this long after the client submitted the job (default 5 s: no job finishes
   * sooner). A job this client did not submit is polled at once.
   */
  firstPollMs?: number;
  /** The gap after the first poll (default 7 s: with the submission, 9 requests a minute). */
  intervalMs?: number;
  /** Each gap is the last one times this (default 1.25): a long job costs fewer requests. */
  backoff?: number;
  /** The longest gap (default 15 s). */
  maxIntervalMs?: number;
  /**
   * Give up this long after the submission (or the call, for a job this client did not submit);
   * default the client's `limits.giveUpMs`, 120 s, as the docs' own clients.
   */
  timeoutMs?: number;
  /** Called with the job whenever its status is new (the first answer, then each change). */
  onStatus?: (job: ReelJob) => void;
  /** Called before each retry of a transient answer (429, 500, 502, 503). */
  onRetry?: (event: RetryEvent) => void;
  /** Stops waiting: the promise rejects with `signal.reason`, and no further request is sent. */
  signal?: AbortSignal;
}

/**
 * Polls job `id` until it is `done` or `error`, and answers it. The schedule (first poll after
 * 5 s, then 7 s, growing to 15 s) and the client's pacer keep every request within the documented
 * limits; transient answers are retried as the errors page advises, honouring `Retry-After`.
 *
 * @throws ReelsApiError any other answer (404, 401, ...), or a transient one after 3 attempts
 * @throws ReelsTimeoutError when the job is not finished within `timeoutMs`
 * @throws ReelsNetworkError when no attempt got an answer
 */
export async function waitForJob(client: ReelsClient, id: number, options: WaitOptions = {}): Promise<TerminalJob> {
  const {
    firstPollMs = 5_000,
    intervalMs = 7_000,
    backoff = 1.25,
    maxIntervalMs = 15_000,
    timeoutMs = client.limits?.giveUpMs ?? 120_000,
    onStatus,
    onRetry,
    signal,
  } = options;
  const clock = client.clock;
  const submitted = client.submittedAt(id);
  const start = submitted ?? clock.now();
  const deadline = start + timeoutMs;
  let next = submitted === undefined ? start : start + firstPollMs;
  let gap = intervalMs;
  let last: JobStatus | undefined;
  // The last poll comes at the deadline (less the limits' network margin) when the schedule would
  // pass it: a job that ends late is still seen, and no poll is sent after the bound.
  const lastPollAt = deadline - (client.limits?.marginMs ?? 0);
  const leastGap = client.limits?.pollIntervalMs ?? 1;
  for (;;) {
    const now = clock.now();
    if (next > lastPollAt) {
      if (lastPollAt - now < leastGap) throw new ReelsTimeoutError(id, timeoutMs, last);
      next = lastPollAt;
    }
    if (next > now) await clock.sleep(next - now, signal);
    let answer;
    try {
      answer = await client.getReel(id, { signal, onRetry, notAfter: deadline });
    } catch (e) {
      if (e instanceof ReelsTimeoutError) throw new ReelsTimeoutError(id, timeoutMs, last);
      throw e;
    }
    const { data, error, response, attempts } = answer;
    if (data === undefined) {
      throw new ReelsApiError(response.status, error, { operation: "getReel", jobId: id, attempts });
    }
    if (data.status !== last) {
      last = data.status;
      onStatus?.(data);
    }
    if (data.status === "done" || data.status === "error") return data;
    next = clock.now() + gap;
    gap = Math.min(maxIntervalMs, gap * backoff);
  }
}
