// Jobs and their store, as the JVM mock keeps them (dev.reelskit.mock.internal.jobs): a job's
// status is a pure function of the clock, the polls it has been shown and its outcome.
import { data } from "./data.js";
import type { OutcomeData } from "./data-types.js";
import { initialStatus, isTerminal, nextOf, type JobStatus } from "./lifecycle.js";
import { durationOf, HELD, timingFor, waitsForPolls, type JobTiming, type ProfileName } from "./timing.js";
import type { MockClock } from "./clock.js";

export type Outcome = OutcomeData;

const outcomesByName = new Map(data.outcomes.map((o) => [o.name, o]));

function outcome(name: string): Outcome {
  const o = outcomesByName.get(name);
  if (!o) throw new Error(`the JVM mock exported no outcome named ${name}`);
  return o;
}

/** Every outcome a reel code can select (the mock's `Outcomes.all()`). */
export const outcomes: readonly Outcome[] = data.outcomes;

/** The reel code: the path segment after `/reel/` or `/p/`, "" when there is none. */
export function reelCode(url: string): string {
  return /\/(?:reel|p)\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? "";
}

export function isServerFailure(url: string): boolean {
  return reelCode(url).startsWith(data.serverFailurePrefix);
}

/**
 * The outcome the magic code of `url` selects, by the JVM mock's rule (`Outcomes.forUrl`): the
 * prefixes are case-sensitive, the `ERROR` variants after them (exported from the JVM mock, the
 * documented causes' codes among them) are not.
 */
export function outcomeForUrl(url: string): Outcome {
  const code = reelCode(url);
  if (code.startsWith("ERROR")) {
    const variant = code.substring(5).toLowerCase();
    const chosen = data.errorVariants.find((v) => variant.startsWith(v.variant));
    return outcome(chosen ? chosen.outcome : "ERROR");
  }
  if (code.startsWith("NOSPEECH")) return outcome("JobDoneNoSpeech");
  if (code.startsWith("NOMETA")) return outcome("JobDoneNoPlatformMeta");
  if (code.startsWith("FLAKY")) return outcome("FLAKY");
  if (code.startsWith("SLOW")) return outcome("SLOW");
  return outcome("JobDoneCooking");
}

export interface Job {
  readonly id: number;
  readonly url: string;
  /** As the API shows it. */
  readonly createdAt: string;
  readonly createdAtMs: number;
  readonly outcome: Outcome;
  readonly timing: JobTiming;
  /** The state a reset returns to. */
  readonly initial: JobStatus;
  readonly status: JobStatus;
  /** When the current status was entered, mock time. */
  readonly since: number;
  readonly pollsInState: number;
}

function stepFrom(job: Job, s: JobStatus): JobStatus {
  const next = nextOf(s);
  const onTheWay = next.find((c) => !isTerminal(c));
  if (onTheWay) return onTheWay;
  if (next.includes(job.outcome.terminal as JobStatus)) return job.outcome.terminal as JobStatus;
  throw new Error(`the lifecycle declares no way from ${s} to this job's outcome ${job.outcome.terminal}`);
}

/** The job as it is at `now`: moved on through every state whose time and polls are up. */
export function advancedTo(job: Job, now: number): Job {
  let s = job.status;
  let from = job.since;
  let polls = job.pollsInState;
  while (!isTerminal(s)) {
    const stay = durationOf(job.timing, s);
    if (stay === null) break;
    const leaveAt = from + stay;
    if (now < leaveAt || (polls < job.timing.minPollsPerState && waitsForPolls(job.timing, job.createdAtMs, now))) break;
    s = stepFrom(job, s);
    from = leaveAt;
    polls = 0;
  }
  return s === job.status ? job : { ...job, status: s, since: from, pollsInState: polls };
}

/** The job after one poll at `now`: advanced, then counted as shown to one more poll. */
export function polledAt(job: Job, now: number): Job {
  const current = advancedTo(job, now);
  return isTerminal(current.status) ? current : { ...current, pollsInState: current.pollsInState + 1 };
}

export interface JobStoreOptions {
  clock: MockClock;
  profile: ProfileName;
  seed: number;
  /** Start with the JVM mock's seeded jobs (42-50, 99). */
  seedJobs: boolean;
  /** Hold every job, seeded and new, in this state until forced or released. */
  pin?: JobStatus;
}

/** Every job of one mock, keyed by id; single-threaded, so a poll is one read and one write. */
export class JobStore {
  private readonly jobs = new Map<number, Job>();
  private nextId: number = data.firstNewId;

  constructor(readonly options: JobStoreOptions) {
    if (options.seedJobs) {
      for (const s of data.seeds) {
        const status = (options.pin ?? s.status) as JobStatus;
        this.put({
          id: s.id,
          url: s.url,
          createdAt: s.created_at,
          createdAtMs: Date.parse(s.created_at),
          outcome: outcome(s.outcome),
          timing: HELD,
          initial: status,
          status,
          since: options.clock.now(),
          pollsInState: 0,
        });
      }
    }
  }

  get clock(): MockClock {
    return this.options.clock;
  }

  /** A new job in the lifecycle's initial state (or held in `pin`), its outcome from the reel code. */
  create(url: string, pin: JobStatus | undefined = this.options.pin): Job {
    const id = this.nextId++;
    const now = this.clock.now();
    const status = pin ?? initialStatus;
    const job: Job = {
      id,
      url,
      createdAt: new Date(now).toISOString(),
      createdAtMs: now,
      outcome: outcomeForUrl(url),
      timing: pin ? HELD : timingFor(this.options.profile, id, this.options.seed),
      initial: status,
      status,
      since: now,
      pollsInState: 0,
    };
    this.jobs.set(id, job);
    return job;
  }

  put(job: Job): void {
    this.jobs.set(job.id, job);
    this.nextId = Math.max(this.nextId, job.id + 1);
  }

  /** The job as the next poll shows it, counted as a poll; undefined when there is none. */
  poll(id: number): Job | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const polled = polledAt(job, this.clock.now());
    this.jobs.set(id, polled);
    return polled;
  }

  /** The job as it is now, without counting a poll. */
  peek(id: number): Job | undefined {
    const job = this.jobs.get(id);
    return job && advancedTo(job, this.clock.now());
  }

  /** Forces a job into `status`; its lifecycle goes on from there (or stays, when `hold`). */
  force(id: number, status: JobStatus, hold = false): Job | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const forced: Job = { ...job, status, since: this.clock.now(), pollsInState: 0, timing: hold ? HELD : job.timing };
    this.jobs.set(id, forced);
    return forced;
  }

  /** Every job back to the state it started in, its lifecycle restarting now. */
  reset(): void {
    const now = this.clock.now();
    for (const [id, job] of this.jobs) this.jobs.set(id, { ...job, status: job.initial, since: now, pollsInState: 0 });
  }

  /** The jobs, newest first, as they are now. */
  list(): Job[] {
    return [...this.jobs.keys()].sort((a, b) => b - a).map((id) => this.peek(id)!);
  }
}
