// How long a job stays in each unfinished state, as the JVM mock's profiles decide it
// (dev.reelskit.mock.jobs.TimingProfile): `quick` and `fast` from its exported table, `realistic`
// drawn per job with the same SplittableRandom as the JVM, so both mocks time job N alike.
import { data } from "./data.js";
import { SplittableRandom } from "./random.js";
import type { JobStatus } from "./lifecycle.js";

export type ProfileName = "quick" | "fast" | "realistic";

export interface JobTiming {
  /** Milliseconds per unfinished state; null: held there until forced. */
  pendingMs: number | null;
  processingMs: number | null;
  /** Polls each unfinished state is shown to before the job moves on. */
  minPollsPerState: number;
  /** How long after creation a state may still wait for its polls; null: without limit. */
  pollHoldLimitMs: number | null;
}

/** Never moves on its own (seeded and pinned jobs). */
export const HELD: JobTiming = { pendingMs: null, processingMs: null, minPollsPerState: 0, pollHoldLimitMs: null };

export const profiles: ProfileName[] = ["quick", "fast", "realistic"];

export function timingFor(profile: ProfileName, jobId: number, seed: number): JobTiming {
  if (profile === "realistic") {
    const random = new SplittableRandom(BigInt(seed) * 1_000_003n + BigInt(jobId));
    const total = random.nextLongBetween(5_000n, 90_001n);
    const pending = (total * BigInt(random.nextIntBetween(10, 31))) / 100n;
    return { pendingMs: Number(pending), processingMs: Number(total - pending), minPollsPerState: 0, pollHoldLimitMs: null };
  }
  const p = data.profiles[profile];
  if (!p) throw new Error(`unknown profile '${String(profile)}' (expected realistic, fast or quick)`);
  return {
    pendingMs: p.pendingMs,
    processingMs: p.processingMs,
    minPollsPerState: p.minPollsPerState,
    pollHoldLimitMs: p.pollHoldLimitMs,
  };
}

export function durationOf(timing: JobTiming, status: JobStatus): number | null {
  return status === "pending" ? timing.pendingMs : status === "processing" ? timing.processingMs : null;
}

export function waitsForPolls(timing: JobTiming, createdAtMs: number, nowMs: number): boolean {
  return timing.minPollsPerState > 0 && (timing.pollHoldLimitMs === null || nowMs < createdAtMs + timing.pollHoldLimitMs);
}
