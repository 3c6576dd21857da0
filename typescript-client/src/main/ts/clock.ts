// Time as the client sees it. Injectable, so that tests of the pacing run on virtual time and never
// sleep; the default is the platform's monotonic clock and setTimeout.

/** The clock the client paces its requests by. */
export interface Clock {
  /** Milliseconds on a clock that never goes back (the default: `performance.now()`). */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `performance.now()` and `setTimeout`: what every browser and node offer. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};
