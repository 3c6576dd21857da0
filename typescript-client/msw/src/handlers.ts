// MSW handlers for the Reels API with the JVM mock's behaviour: jobs that move
// pending -> processing -> done|error on an injectable clock, the same profiles, magic reel codes,
// `Prefer` overrides, token rule and documented error bodies.
import { delay, http, HttpResponse, type HttpHandler } from "msw";
import { ReelsApi, isApiPath, renderJob, type ApiAnswer } from "./api.js";
import { mockClock, type MockClock } from "./clock.js";
import { JobStore, type Job } from "./jobs.js";
import { isStatus, type JobStatus } from "./lifecycle.js";
import type { Readings } from "./readings.js";
import type { ProfileName } from "./timing.js";
import type { TokenRuleOptions } from "./tokens.js";

export interface ReelsMockOptions {
  /**
   * The origin the handlers answer for, e.g. `https://api.instatollm.com` or
   * `http://127.0.0.1:8089`; default `*`, any origin. Give each story its own to keep their jobs
   * apart on one page.
   */
  baseUrl?: string;
  /** `quick` (default: pending 2 s, processing 3 s, each state shown to a poll), `fast` or `realistic`. */
  profile?: ProfileName;
  /** Seed of the `realistic` timings (the JVM mock's `--seed`, default 42). */
  seed?: number;
  /** Mock seconds per real second (default 1). */
  timeScale?: number;
  /**
   * The wall clock, epoch milliseconds; default `Date.now`, read on every request, so
   * `vi.useFakeTimers()` + `vi.advanceTimersByTime(ms)` (or jest's) move the jobs.
   */
  now?: () => number;
  /**
   * Hold every job, seeded and new, in this state (one story per state), as the JVM mock's tenant
   * pin does: a new job still answers its POST `pending` and shows the pinned state from its first
   * poll on. One job: `Prefer: state=done` on its POST, or `mock.force(id, "done", true)`.
   */
  pin?: JobStatus;
  /** Start with the JVM mock's seeded jobs: 42 done, 43 pending, 44 processing, 45 error, ... (default true). */
  seedJobs?: boolean;
  /** `spec` (default): the JVM mock's bodies; `rotate`: every legal reading, picked by reel code. */
  readings?: Readings;
  /** Narrow the token rule (default: any `ist_...` token), or revoke and forbid tokens. */
  tokens?: TokenRuleOptions;
}

export interface ReelsMock {
  /** Pass to `setupWorker(...)` or `setupServer(...)`. */
  readonly handlers: HttpHandler[];
  readonly clock: MockClock;
  readonly jobs: JobStore;
  readonly api: ReelsApi;
  /** Moves the mock's clock forward. */
  advance(ms: number): void;
  /** Forces job `id` into `status`; with `hold`, it stays there. */
  force(id: number, status: JobStatus, hold?: boolean): Job | undefined;
  /** Every job back to its first state, restarting now. */
  reset(): void;
  /** Job `id` as the next poll would show it (without counting a poll), as JSON. */
  peek(id: number): unknown;
  /** The answer to one fetch `Request` under `/api`, as the handlers give it. */
  answer(request: Request): Promise<Response>;
}

function base(url: string): string {
  return url.endsWith("/") ? url.slice(0, -1) : url;
}

export function createReelsMock(options: ReelsMockOptions = {}): ReelsMock {
  if (options.pin !== undefined && !isStatus(options.pin)) throw new Error(`pin must be a job status, was '${options.pin}'`);
  const clock = mockClock(options.now, options.timeScale ?? 1);
  const jobs = new JobStore({
    clock,
    profile: options.profile ?? "quick",
    seed: options.seed ?? 42,
    seedJobs: options.seedJobs ?? true,
    pin: options.pin,
  });
  const api = new ReelsApi(jobs, { tokens: options.tokens, readings: options.readings });

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const a: ApiAnswer = api.answer({
      method: request.method.toUpperCase(),
      path: url.pathname,
      header: (name) => request.headers.get(name),
      body: request.method === "GET" || request.method === "HEAD" ? "" : await request.text(),
    });
    if (a.delayMs) await delay(a.delayMs);
    if (a.fault) return HttpResponse.error();
    return new HttpResponse(a.body, { status: a.status, headers: a.headers });
  }

  const root = base(options.baseUrl ?? "*");
  const handler = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    return isApiPath(path) ? answer(request) : undefined;
  };
  return {
    handlers: [http.all(`${root}/api`, handler), http.all(`${root}/api/*`, handler)],
    clock,
    jobs,
    api,
    advance: (ms) => clock.advance(ms),
    force: (id, status, hold = false) => jobs.force(id, status, hold),
    reset: () => jobs.reset(),
    peek: (id) => {
      const job = jobs.peek(id);
      return job && JSON.parse(renderJob(job, options.readings));
    },
    answer,
  };
}
