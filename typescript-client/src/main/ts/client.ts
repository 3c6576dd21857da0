// The client for both operations: every request waits its turn in the pacer (rate window, poll
// spacing, Retry-After, unfinished jobs), and transient answers are retried as the errors page
// advises.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import { type Clock, systemClock } from "./clock.js";
import { type ErrorContext, type Operation, ReelsApiError, ReelsNetworkError, ReelsTimeoutError } from "./errors.js";
import { DOCUMENTED_LIMITS, DOCUMENTED_RETRY, type Limits, type RetryPolicy, retryAfterMs } from "./limits.js";
import { Pacer, PastDeadline } from "./pacer.js";
import type { paths } from "./schema.js";
import type { AnalyzeAccepted, AnalyzeReelError, GetReelError, ReelJob } from "./types.js";

/** One answer: the documented success body, or an error body, with the raw `Response`. */
export type Answer<T, E> =
  | { data: T; error?: undefined; response: Response; attempts: number }
  | { data?: undefined; error: E; response: Response; attempts: number };

/** A retry about to happen, for progress displays and logs. */
export interface RetryEvent {
  readonly operation: Operation;
  readonly jobId: number | undefined;
  /** The attempt that failed (1 = the first request). */
  readonly attempt: number;
  /** Its HTTP status, or undefined when it got no answer. */
  readonly status: number | undefined;
  /** How long until the next attempt at the earliest (the pacer may add to it). */
  readonly waitMs: number;
}

/** Per call. */
export interface RequestOptions {
  /** Aborts waiting and the request in flight; the call rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
  readonly onRetry?: (event: RetryEvent) => void;
  /**
   * No request after this time on the client's `clock`: when the limits would make the request
   * (or a retry) later, the call throws {@link ReelsTimeoutError} instead of sending it.
   */
  readonly notAfter?: number;
}

export interface ReelsClient {
  /**
   * `POST /api/v1/reels/analyze`: 202 `{id, status: "pending"}`. Waits while the client already has
   * `limits.unfinishedJobs` jobs unfinished, and retries 429/500/502/503 (never a request that got
   * no answer: the job may exist). A final error answer is returned, not thrown.
   */
  analyzeReel(url: string, options?: RequestOptions): Promise<Answer<AnalyzeAccepted, AnalyzeReelError>>;
  /**
   * `GET /api/v1/reels/{id}`: the job, typed by its status. Never reads one job twice within
   * `limits.pollIntervalMs`; retries 429/500/502/503 and failed connections.
   */
  getReel(id: number, options?: RequestOptions): Promise<Answer<ReelJob, GetReelError>>;
  /**
   * The openapi-fetch client underneath, for anything else. Its requests wait in the same pacer
   * (rate window, poll spacing, Retry-After) but are not retried. Its `data` types drop properties
   * typed `null` (openapi-typescript-helpers' `Readable`), so `getReel` answers the spec's `ReelJob`.
   */
  readonly fetchClient: Client<paths>;
  /** The limits this client keeps to; null when created with `limits: false`. */
  readonly limits: Limits | null;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  /** When this client sent the POST that created `id` (on `clock`), while the job is unfinished. */
  submittedAt(id: number): number | undefined;
}

export interface ReelsClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** e.g. `http://127.0.0.1:8089` (the mock) or `https://api.instatollm.com`. */
  baseUrl: string;
  /** `ist_...`; sent as `Authorization: Bearer <token>` on every request. */
  token: string;
  /**
   * The documented limits by default (10 requests a minute, 3 unfinished jobs, 5 s between reads
   * of one job). Override a part for a server with other limits; `false` for none at all (a mock
   * without limits in a unit test).
   */
  limits?: Partial<Limits> | false;
  /** The errors page's advice by default (429/500/502/503, 3 attempts, 1 s then 2 s). */
  retry?: Partial<RetryPolicy>;
  /** Time for the pacing; tests pass a virtual clock. */
  clock?: Clock;
}

const ANALYZE_PATH = "/api/v1/reels/analyze";
const STATUSES: readonly string[] = ["pending", "processing", "done", "error"];

/** A client for both operations that keeps within the limits and retries as the docs advise. */
export function createReelsClient(options: ReelsClientOptions): ReelsClient {
  const { token, limits: limitsOption, retry: retryOption, clock = systemClock, ...rest } = options;
  const limits = limitsOption === false ? null : { ...DOCUMENTED_LIMITS, ...limitsOption };
  const retry: RetryPolicy = { ...DOCUMENTED_RETRY, ...retryOption };
  const pacer = new Pacer(limits, clock);
  const baseUrl = rest.baseUrl.replace(/\/+$/, "");
  const fetchImpl = rest.fetch ?? ((request: Request) => globalThis.fetch(request));
  const headers = new Headers(rest.headers as HeadersInit | undefined);
  headers.set("Authorization", `Bearer ${token}`);

  const fetchClient = createClient<paths>({ ...rest, baseUrl });
  fetchClient.use({
    async onRequest({ request, params }) {
      const id = Number(params.path?.["id"]);
      await pacer.admit({ jobId: Number.isInteger(id) ? id : undefined, signal: request.signal });
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      noteRetryAfter(response);
    },
  });

  function noteRetryAfter(response: Response): number | undefined {
    const wait = response.status === 429 ? retryAfterMs(response) : undefined;
    if (wait !== undefined) pacer.blockUntil(clock.now() + wait);
    return wait;
  }

  /** Sends one operation with retries; answers the last answer and the parsed body. */
  async function send(
    operation: Operation,
    jobId: number | undefined,
    request: () => Request,
    idempotent: boolean,
    { signal, onRetry, notAfter }: RequestOptions,
  ): Promise<{ response: Response; body: unknown; attempts: number; sentAt: number }> {
    let notBefore = -Infinity;
    for (let attempt = 1; ; attempt++) {
      let sentAt: number;
      try {
        sentAt = await pacer.admit({ jobId, notBefore, notAfter, signal });
      } catch (e) {
        throw e instanceof PastDeadline ? new ReelsTimeoutError(jobId, undefined, undefined) : e;
      }
      const context: ErrorContext = { operation, jobId, attempts: attempt };
      let response: Response;
      let body: unknown;
      let status: number | undefined;
      try {
        response = await fetchImpl(request());
        status = response.status;
        body = parse(await response.text());
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (!idempotent || attempt >= retry.attempts) throw new ReelsNetworkError(context, e);
        notBefore = retryAt(attempt, undefined, operation, jobId, undefined, onRetry);
        continue;
      }
      const serverWait = noteRetryAfter(response);
      if (!retry.statuses.includes(status) || attempt >= retry.attempts) {
        return { response, body, attempts: attempt, sentAt };
      }
      notBefore = retryAt(attempt, serverWait, operation, jobId, status, onRetry);
    }
  }

  function retryAt(
    attempt: number,
    serverWait: number | undefined,
    operation: Operation,
    jobId: number | undefined,
    status: number | undefined,
    onRetry: RequestOptions["onRetry"],
  ): number {
    const delays = retry.delaysMs;
    const waitMs = Math.max(delays[Math.min(attempt, delays.length) - 1] ?? 0, serverWait ?? 0);
    onRetry?.({ operation, jobId, attempt, status, waitMs });
    return clock.now() + waitMs;
  }

  /** A fresh Request per attempt (a body can be read once). */
  function build(path: string, method: string, signal: AbortSignal | undefined, body?: string): () => Request {
    return () => {
      const h = new Headers(headers);
      if (body !== undefined) h.set("Content-Type", "application/json");
      return new Request(`${baseUrl}${path}`, { method, headers: h, body, signal: signal ?? null });
    };
  }

  return {
    fetchClient,
    limits,
    retry,
    clock,
    submittedAt: (id) => pacer.submittedAt(id),

    async analyzeReel(url, options = {}) {
      await pacer.takeJobSlot(options.signal);
      let created: number | undefined;
      let sentAt = clock.now();
      try {
        const request = build(ANALYZE_PATH, "POST", options.signal, JSON.stringify({ url }));
        const answer = await send("analyzeReel", undefined, request, false, options);
        sentAt = answer.sentAt;
        const { response, body: json, attempts } = answer;
        if (response.status === 202) {
          const accepted = json as AnalyzeAccepted;
          if (!isObject(json) || !Number.isInteger(accepted.id)) {
            throw new ReelsApiError(202, json, { operation: "analyzeReel", attempts });
          }
          created = accepted.id;
          return { data: accepted, response, attempts };
        }
        return { error: json as AnalyzeReelError, response, attempts };
      } finally {
        pacer.submitted(created, sentAt);
      }
    },

    async getReel(id, options = {}) {
      const request = build(`/api/v1/reels/${encodeURIComponent(String(id))}`, "GET", options.signal);
      const { response, body, attempts } = await send("getReel", id, request, true, options);
      if (response.status === 404) pacer.finished(id);
      if (response.status !== 200) return { error: body as GetReelError, response, attempts };
      const job = body as ReelJob;
      if (!isObject(body) || !STATUSES.includes(job.status)) {
        throw new ReelsApiError(200, body, { operation: "getReel", jobId: id, attempts });
      }
      if (job.status === "done" || job.status === "error") pacer.finished(id);
      return { data: job, response, attempts };
    },
  };
}

function parse(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
