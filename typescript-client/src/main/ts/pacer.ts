// One client's budget, shared by every request it sends: the rate window, the spacing of reads of
// one job, a server's Retry-After, and the number of unfinished jobs. Requests wait their turn
// here instead of being refused by the server.
import type { Clock } from "./clock.js";
import type { Limits } from "./limits.js";

/** Thrown by {@link Pacer.admit} when the earliest allowed send is past the caller's deadline. */
export class PastDeadline extends Error {
  constructor(readonly sendAt: number) {
    super("the request could not be sent before the deadline");
  }
}

/** What one request asks of the pacer. */
export interface Admission {
  /** The job it reads, for the poll spacing. */
  readonly jobId?: number;
  /** Not before this time (a retry's back-off). */
  readonly notBefore?: number;
  /** Not after this time: {@link PastDeadline} instead of a late request. */
  readonly notAfter?: number;
  readonly signal?: AbortSignal;
}

// Beyond this many jobs, the oldest read times are forgotten (a bounded map, whatever the caller).
const MAX_JOBS_TRACKED = 1_000;

export class Pacer {
  /** Send times granted, ascending; only the last `requests` of them matter. */
  private readonly sends: number[] = [];
  private readonly lastRead = new Map<number, number>();
  private blockedUntil = -Infinity;
  /** Unfinished jobs: id -> when this client sent the POST that created it. */
  private readonly unfinished = new Map<number, number>();
  private submitting = 0;
  private waiters: Array<() => void> = [];

  constructor(
    readonly limits: Limits | null,
    private readonly clock: Clock,
  ) {}

  /** Waits until the request may be sent, records it, and answers the send time. */
  async admit({ jobId, notBefore = -Infinity, notAfter = Infinity, signal }: Admission): Promise<number> {
    signal?.throwIfAborted();
    const now = this.clock.now();
    let at = Math.max(now, notBefore, this.blockedUntil);
    const limits = this.limits;
    if (limits !== null) {
      if (jobId !== undefined) {
        at = Math.max(at, (this.lastRead.get(jobId) ?? -Infinity) + limits.pollIntervalMs);
      }
      const last = this.sends.at(-1) ?? -Infinity;
      const nth = this.sends.length >= limits.requests ? this.sends[this.sends.length - limits.requests] : -Infinity;
      at = Math.max(at, last, nth + limits.windowMs + limits.marginMs);
    }
    if (at > notAfter) throw new PastDeadline(at);
    if (limits !== null) {
      this.sends.push(at);
      if (this.sends.length > limits.requests) this.sends.shift();
    }
    if (jobId !== undefined) this.readAt(jobId, at);
    try {
      if (at > now) await this.clock.sleep(at - now, signal);
    } catch (e) {
      // Nothing was sent: give the slot back (later grants stay valid, only less crowded).
      const i = this.sends.lastIndexOf(at);
      if (i >= 0) this.sends.splice(i, 1);
      throw e;
    }
    return at;
  }

  /** A server asked every request to wait (a 429's Retry-After). */
  blockUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
  }

  /** Waits for one of the unfinished-job slots, for a submission. Call {@link submitted} after. */
  async takeJobSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const limits = this.limits;
      if (limits === null) {
        this.submitting++;
        return;
      }
      const now = this.clock.now();
      let earliest = Infinity;
      for (const [id, sentAt] of this.unfinished) {
        if (sentAt + limits.giveUpMs <= now) this.unfinished.delete(id);
        else earliest = Math.min(earliest, sentAt + limits.giveUpMs);
      }
      if (this.unfinished.size + this.submitting < limits.unfinishedJobs) {
        this.submitting++;
        return;
      }
      // Woken by a job seen finished, or when the oldest job's slot expires. The timer is
      // cancelled either way: a pending timer would keep a finished node script alive.
      const stop = new AbortController();
      const onAbort = () => stop.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      const freed = new Promise<void>((resolve) => this.waiters.push(resolve));
      const expiry = Number.isFinite(earliest)
        ? this.clock.sleep(earliest - now, stop.signal)
        : new Promise<void>((_, reject) => stop.signal.addEventListener("abort", () => reject(stop.signal.reason)));
      try {
        await Promise.race([freed, expiry]);
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        throw e;
      } finally {
        signal?.removeEventListener("abort", onAbort);
        if (!stop.signal.aborted) stop.abort();
        expiry.catch(() => {});
      }
    }
  }

  /** The submission that took a slot ended: created `jobId` (sent at `sentAt`), or nothing. */
  submitted(jobId: number | undefined, sentAt: number): void {
    this.submitting = Math.max(0, this.submitting - 1);
    if (jobId !== undefined) this.unfinished.set(jobId, sentAt);
    else this.wake();
  }

  /** When this client sent the POST that created `jobId`, if it did and still tracks it. */
  submittedAt(jobId: number): number | undefined {
    return this.unfinished.get(jobId);
  }

  /** The job was seen done or error, or the server does not know it: its slot is free. */
  finished(jobId: number): void {
    this.unfinished.delete(jobId);
    this.lastRead.delete(jobId);
    this.wake();
  }

  private readAt(jobId: number, at: number): void {
    this.lastRead.delete(jobId);
    this.lastRead.set(jobId, at);
    if (this.lastRead.size > MAX_JOBS_TRACKED) {
      this.lastRead.delete(this.lastRead.keys().next().value as number);
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}

