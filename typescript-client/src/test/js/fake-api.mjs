// Test support for the client's unit tests: a virtual clock (time jumps to the next timer when
// nothing else can run, so no test sleeps) and an in-memory Reels API that behaves as the kit's mock
// with its limits on, recording when each request arrived.

/** A Clock on virtual time. */
export class VirtualClock {
  t = 0;
  #timers = [];
  #seq = 0;

  now() {
    return this.t;
  }

  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = { at: this.t + Math.max(0, ms), seq: this.#seq++, resolve };
      this.#timers.push(timer);
      signal?.addEventListener(
        "abort",
        () => {
          this.#timers = this.#timers.filter((x) => x !== timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Sets a virtual timer that calls `fn` at `at` (for aborts and events in a test). */
  at(at, fn) {
    this.#timers.push({ at, seq: this.#seq++, resolve: fn });
  }

  /** Runs `work` to its end: whenever only timers are left, time jumps to the earliest one. */
  async run(work) {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      // Several turns of the real event loop: enough for fetch bodies and promise chains to settle.
      for (let i = 0; i < 5 && !settled; i++) await new Promise((r) => setTimeout(r, 0));
      if (settled) return work;
      this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.#timers.shift();
      if (!next) throw new Error(`deadlock at t=${this.t}: the work waits for nothing scheduled`);
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
  }
}

const SUMMARY = "A chef cooks garlic butter shrimp.";

/**
 * The API as the kit's mock plays it with `--rate-limit`: 10 admitted requests per token in any
 * 60 s (refused ones not counted), 3 unfinished jobs, 429 with Retry-After in whole seconds.
 */
export class FakeApi {
  /** Every request: { at, method, path, jobId, status, retryAfterMs }. */
  arrivals = [];
  #jobs = new Map();
  #admitted = [];
  #nextId = 100;

  /**
   * @param clock the VirtualClock
   * @param options jobMs(id) how long a job runs (default 53 s); flaky: every 3rd poll of a job 500;
   *     answer(request, at): a forced Response (or undefined) before anything else;
   *     rateLimit (default 10), maxUnfinished (default 3)
   */
  constructor(clock, options = {}) {
    this.clock = clock;
    this.options = { jobMs: () => 53_000, rateLimit: 10, maxUnfinished: 3, ...options };
  }

  fetch = async (request) => {
    const at = this.clock.now();
    const url = new URL(request.url);
    const read = /^\/api\/v1\/reels\/(\d+)$/.exec(url.pathname);
    const jobId = request.method === "GET" && read ? Number(read[1]) : undefined;
    const entry = { at, method: request.method, path: url.pathname, jobId, status: 0, retryAfterMs: undefined };
    this.arrivals.push(entry);
    const response = await this.#answer(request, url, at, entry);
    entry.status = response.status;
    return response;
  };

  async #answer(request, url, at, entry) {
    const forced = this.options.answer?.(request, at, entry);
    if (forced) return forced;
    this.#admitted = this.#admitted.filter((t) => t > at - 60_000);
    if (this.#admitted.length >= this.options.rateLimit) {
      return this.#tooMany(entry, this.#admitted[0] + 60_000 - at);
    }
    const job = /^\/api\/v1\/reels\/(\d+)$/.exec(url.pathname);
    if (request.method === "POST" && url.pathname === "/api/v1/reels/analyze") {
      const unfinished = [...this.#jobs.values()].filter((j) => this.#status(j, at) !== "done");
      if (unfinished.length >= this.options.maxUnfinished) {
        return this.#tooMany(entry, Math.min(...unfinished.map((j) => j.endsAt)) - at);
      }
      this.#admitted.push(at);
      const { url: reel } = await request.json();
      const id = this.#nextId++;
      entry.jobId = id;
      this.#jobs.set(id, { id, url: reel, createdAt: at, endsAt: at + this.options.jobMs(id), polls: 0 });
      return json(202, { id, status: "pending" });
    }
    if (request.method === "GET" && job) {
      this.#admitted.push(at);
      const id = Number(job[1]);
      entry.jobId = id;
      const j = this.#jobs.get(id);
      if (!j) return json(404, { message: "not found", status: "error" });
      j.polls++;
      if (this.options.flaky && j.polls % 3 === 0) return json(500, { message: "internal server error" });
      const status = this.#status(j, at);
      return json(200, {
        id,
        url: j.url,
        status,
        error: null,
        result: status === "done" ? { summary: SUMMARY } : null,
        created_at: "2026-05-22T10:00:00Z",
      });
    }
    return json(404, { message: "not found", status: "error" });
  }

  #status(job, at) {
    const processingFrom = job.createdAt + (job.endsAt - job.createdAt) * 0.2;
    return at >= job.endsAt ? "done" : at >= processingFrom ? "processing" : "pending";
  }

  #tooMany(entry, waitMs) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    entry.retryAfterMs = seconds * 1000;
    return json(429, { message: "too many requests" }, { "Retry-After": String(seconds) });
  }

  /** The largest number of requests that arrived within any `windowMs` (a window is [t, t + windowMs)). */
  busiestWindow(windowMs = 60_000) {
    const times = this.arrivals.map((a) => a.at).sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (j < times.length && times[j] < times[i] + windowMs) j++;
      best = Math.max(best, j - i);
    }
    return best;
  }

  /** Arrival times of the reads of one job. */
  polls(jobId) {
    return this.arrivals.filter((a) => a.method === "GET" && a.jobId === jobId).map((a) => a.at);
  }
}

export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

/** The least gap between consecutive times. */
export function shortestGap(times) {
  let least = Infinity;
  for (let i = 1; i < times.length; i++) least = Math.min(least, times[i] - times[i - 1]);
  return least;
}
