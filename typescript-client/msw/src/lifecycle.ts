// The job lifecycle as the spec's `x-lifecycle` declares it (read at build time into ./data.ts).
import { data } from "./data.js";

export type JobStatus = "pending" | "processing" | "done" | "error";

const lifecycle = data.lifecycle;

export const initialStatus = lifecycle.initial as JobStatus;
export const statuses = Object.keys(lifecycle.states) as JobStatus[];

export function isStatus(value: string): value is JobStatus {
  return Object.prototype.hasOwnProperty.call(lifecycle.states, value);
}

export function isTerminal(status: JobStatus): boolean {
  return lifecycle.states[status].terminal;
}

export function nextOf(status: JobStatus): JobStatus[] {
  return lifecycle.states[status].next as JobStatus[];
}

/** Whether `field` (`error` or `result`) is non-null in `status`. */
export function sets(status: JobStatus, field: string): boolean {
  return lifecycle.states[status].sets.includes(field);
}
